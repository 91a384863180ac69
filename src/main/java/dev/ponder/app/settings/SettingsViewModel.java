package dev.ponder.app.settings;

import dev.ponder.app.common.AppSettings;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.service.Choices;
import dev.ponder.core.settings.Preferences;
import dev.ponder.core.settings.Theme;
import dev.ponder.core.trace.ReflectionMarkers;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Settings dialog edits: a copy of the settings that is checked as it changes and saved only on
 * {@link #save()}; {@link #reset()} fills in Ponder's defaults. Saved model connections are the exception: they are
 * edited in their own dialog and saved as they change (they hold keys, and "Cancel" must not resurrect a deleted one).
 */
public final class SettingsViewModel {
    /** The tokenizer choices besides a {@code tokenizer.json} of the user's. */
    public static final List<String> ESTIMATES = Choices.TOKEN_ESTIMATES;

    private final AppSettings settings;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> fontSize = new SimpleObjectProperty<>();
    private final StringProperty grader = new SimpleStringProperty();
    private final StringProperty tokenizer = new SimpleStringProperty();
    private final StringProperty markers = new SimpleStringProperty();
    private final StringProperty chartWidth = new SimpleStringProperty();
    private final StringProperty chartHeight = new SimpleStringProperty();
    private final ObjectProperty<Double> chartFont = new SimpleObjectProperty<>();
    private final BooleanProperty chartSerif = new SimpleBooleanProperty();
    private final BooleanProperty chartTitle = new SimpleBooleanProperty();
    private final ObservableList<ModelConnection> connections = FXCollections.observableArrayList();
    private final StringBinding problem;

    public SettingsViewModel(AppSettings settings) {
        this.settings = settings;
        load(settings.get().preferences(), settings.get().markers().phrases());
        connections.setAll(settings.get().connections());
        settings.property().addListener((observable, before, after) -> connections.setAll(after.connections()));
        Observable[] watched = {
            theme, fontSize, grader, tokenizer, markers, chartWidth, chartHeight, chartFont, chartSerif, chartTitle
        };
        problem = Bindings.createStringBinding(() -> findProblem().orElse(""), watched);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Integer> fontSizeProperty() {
        return fontSize;
    }

    public StringProperty graderProperty() {
        return grader;
    }

    public List<String> graders() {
        return Choices.graders();
    }

    /** {@code cl100k}, {@code o200k}, or the path of a model's {@code tokenizer.json}. */
    public StringProperty tokenizerProperty() {
        return tokenizer;
    }

    /** The reflection markers, one per line. */
    public StringProperty markersProperty() {
        return markers;
    }

    /** A length such as {@code 8.5cm}, {@code 3.3in} or {@code 85mm}; a bare number is in centimetres. */
    public StringProperty chartWidthProperty() {
        return chartWidth;
    }

    public StringProperty chartHeightProperty() {
        return chartHeight;
    }

    public ObjectProperty<Double> chartFontProperty() {
        return chartFont;
    }

    public BooleanProperty chartSerifProperty() {
        return chartSerif;
    }

    public BooleanProperty chartTitleProperty() {
        return chartTitle;
    }

    /** Sets the chart size to a preset's. */
    public void usePreset(PaperStyle preset) {
        chartWidth.set(length(preset.widthCm()));
        chartHeight.set(length(preset.heightCm()));
    }

    /** The saved model connections, as they are now. */
    public ObservableList<ModelConnection> connections() {
        return connections;
    }

    public void removeConnection(ModelConnection gone) {
        settings.update(current -> current.withoutConnection(gone.name()));
    }

    /** What must be fixed before the settings can be saved, in words; empty when they can. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return problem.isEmpty();
    }

    /** Ponder's defaults in every field (saved connections are kept: they are the user's, not a preference). */
    public void reset() {
        load(Preferences.DEFAULTS, ReflectionMarkers.DEFAULT.phrases());
    }

    /** Saves the settings; false (and nothing saved) while {@link #problemProperty()} names a problem. */
    public boolean save() {
        if (findProblem().isPresent()) {
            return false;
        }
        Preferences preferences = preferences();
        List<String> phrases = lines(markers.get());
        List<String> stored = phrases.equals(ReflectionMarkers.DEFAULT.phrases()) ? null : phrases;
        settings.update(current -> current.withPreferences(preferences).withReflectionMarkers(stored));
        return true;
    }

    private void load(Preferences preferences, List<String> phrases) {
        theme.set(preferences.theme());
        fontSize.set((int) Math.round(preferences.fontSize()));
        grader.set(preferences.defaultGrader());
        tokenizer.set(preferences.tokenizer());
        markers.set(String.join("\n", phrases));
        PaperStyle style = preferences.chartStyle();
        usePreset(style);
        chartFont.set(style.fontPt());
        chartSerif.set(style.serif());
        chartTitle.set(style.showTitle());
    }

    private Preferences preferences() {
        PaperStyle style = new PaperStyle(
                PaperStyle.centimetres(chartWidth.get()),
                PaperStyle.centimetres(chartHeight.get()),
                chartFont.get() == null ? Double.NaN : chartFont.get(),
                chartSerif.get(),
                chartTitle.get());
        return new Preferences(
                theme.get(),
                fontSize.get() == null ? Double.NaN : fontSize.get(),
                grader.get(),
                tokenizer.get(),
                style);
    }

    private Optional<String> findProblem() {
        if (theme.get() == null) {
            return Optional.of("Choose a theme.");
        }
        try {
            Preferences preferences = preferences();
            Optional<String> wrongTokenizer = Choices.tokenizerProblem(preferences.tokenizer());
            if (wrongTokenizer.isPresent()) {
                return wrongTokenizer;
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(chartWords(e.getMessage()));
        }
        List<String> phrases = lines(markers.get());
        if (phrases.isEmpty()) {
            return Optional.of("Give at least one reflection marker (one phrase per line), or Reset for Ponder's own.");
        }
        return Optional.empty();
    }

    /** The paper style's own messages, prefixed with where the field is. */
    private static String chartWords(String message) {
        return message.startsWith("a figure") || message.startsWith("font size") || message.startsWith("'")
                ? "Chart style: " + message + "."
                : message;
    }

    /** The non-blank lines, stripped, each once. */
    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .distinct()
                        .toList();
    }

    private static String length(double centimetres) {
        return String.format(Locale.ROOT, "%.2f", centimetres);
    }
}
