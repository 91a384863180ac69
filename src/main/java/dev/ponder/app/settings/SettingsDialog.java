package dev.ponder.app.settings;

import dev.ponder.app.common.FileDrop;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.settings.Preferences;
import dev.ponder.core.settings.Theme;
import java.nio.file.Path;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File › Settings…: four pages (Appearance, Analysis, Charts, Models). OK saves, and is enabled only while every
 * field is valid (the problem is named under the pages); Reset fills in Ponder's defaults without closing.
 */
public final class SettingsDialog {
    /** The page the dialog opens on. */
    public enum Page {
        APPEARANCE("Appearance"),
        ANALYSIS("Analysis"),
        CHARTS("Charts"),
        MODELS("Models");

        private final String title;

        Page(String title) {
            this.title = title;
        }
    }

    /** What the dialog asks of the rest of the window. */
    public interface Helpers {
        /** A model's tokenizer.json chosen in a file dialog. */
        Optional<Path> tokenizerFile(Window owner);

        /** Opens the connection editor (add, edit, test, delete a saved model connection). */
        void editConnections(Window owner);
    }

    public static final ButtonType RESET = new ButtonType("Reset", ButtonBar.ButtonData.LEFT);

    private SettingsDialog() {}

    public static void show(Window owner, SettingsViewModel model, Page page, Helpers helpers) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Settings");
        dialog.setHeaderText(null);
        dialog.initOwner(owner);
        TabPane pages = new TabPane(
                tab(Page.APPEARANCE, appearance(model)),
                tab(Page.ANALYSIS, analysis(model, helpers)),
                tab(Page.CHARTS, charts(model)),
                tab(Page.MODELS, models(model, helpers)));
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pages.setId("settings-pages");
        pages.setPrefHeight(430);
        pages.getSelectionModel().select(page.ordinal());
        Label problem = new Label();
        problem.setId("settings-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: -ponder-wrong");
        problem.textProperty().bind(model.problemProperty());
        VBox content = new VBox(8, pages, problem);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(RESET, ButtonType.CANCEL, ButtonType.OK);
        Button reset = (Button) dialog.getDialogPane().lookupButton(RESET);
        reset.setTooltip(new Tooltip("Ponder's defaults for appearance, analysis and charts (saved connections stay)"));
        reset.addEventFilter(ActionEvent.ACTION, event -> {
            model.reset();
            event.consume();
        });
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(model.validProperty().not());
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            if (!model.save()) {
                event.consume();
            }
        });
        dialog.showAndWait();
    }

    private static Tab tab(Page page, Node content) {
        Tab tab = new Tab(page.title, content);
        tab.setId("settings-" + page.name().toLowerCase(java.util.Locale.ROOT));
        return tab;
    }

    private static Node appearance(SettingsViewModel model) {
        ComboBox<Theme> theme = new ComboBox<>();
        theme.getItems().setAll(Theme.values());
        theme.valueProperty().bindBidirectional(model.themeProperty());
        theme.setId("settings-theme");
        Spinner<Integer> font = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory sizes = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                (int) Preferences.MIN_FONT_SIZE, (int) Preferences.MAX_FONT_SIZE, 13);
        font.setValueFactory(sizes);
        sizes.valueProperty().bindBidirectional(model.fontSizeProperty());
        font.setEditable(true);
        font.setId("settings-font-size");
        font.setPrefWidth(90);
        return page(
                new String[] {"Theme", "Font size (px)"},
                new Node[] {theme, font},
                "“Follow the system” reads your desktop's light or dark setting (GNOME, macOS, Windows) at start and "
                        + "whenever Ponder's window comes back into focus. Charts and trees follow the theme on screen; "
                        + "exported figures are always in the paper style.");
    }

    private static Node analysis(SettingsViewModel model, Helpers helpers) {
        ComboBox<String> grader = new ComboBox<>();
        grader.getItems().setAll(model.graders());
        grader.valueProperty().bindBidirectional(model.graderProperty());
        grader.setId("settings-grader");
        ComboBox<String> tokenizer = new ComboBox<>();
        tokenizer.getItems().setAll(SettingsViewModel.ESTIMATES);
        tokenizer.setEditable(true);
        tokenizer.setPrefWidth(260);
        tokenizer.valueProperty().bindBidirectional(model.tokenizerProperty());
        tokenizer.setId("settings-tokenizer");
        FileDrop.accept(tokenizer, file -> model.tokenizerProperty().set(file.toString()));
        Button browse = new Button("Choose tokenizer.json…");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setTooltip(
                new Tooltip("A model's own tokenizer.json, for exact token counts; or drop the file on the field"));
        browse.setOnAction(event -> helpers.tokenizerFile(browse.getScene().getWindow())
                .ifPresent(file -> model.tokenizerProperty().set(file.toString())));
        HBox tokenizerRow = new HBox(6, tokenizer, browse);
        TextArea markers = new TextArea();
        markers.setId("markerPhrases");
        markers.setPrefRowCount(8);
        markers.textProperty().bindBidirectional(model.markersProperty());
        return page(
                new String[] {"Default grader", "Tokenizer", "Reflection markers"},
                new Node[] {grader, tokenizerRow, markers},
                "The grader and tokenizer are where every import starts (the import dialog can still change them) and "
                        + "what replays grade with; a file's own verdicts and token counts always win. Tokenizer: an "
                        + "estimate with OpenAI's cl100k or o200k encoding, or a model's own tokenizer.json for exact "
                        + "counts. Reflection markers: phrases that open a new thought and count as reflection, one per "
                        + "line, matched as whole words ignoring case; overthinking figures use them from now on.");
    }

    private static Node charts(SettingsViewModel model) {
        ComboBox<String> preset = new ComboBox<>();
        preset.getItems().setAll("single column (8.5 × 6 cm)", "double column (17.5 × 7 cm)");
        preset.setPromptText("size preset");
        preset.setOnAction(event -> {
            int chosen = preset.getSelectionModel().getSelectedIndex();
            if (chosen >= 0) {
                model.usePreset(chosen == 0 ? PaperStyle.SINGLE_COLUMN : PaperStyle.DOUBLE_COLUMN);
            }
        });
        TextField width = new TextField();
        width.textProperty().bindBidirectional(model.chartWidthProperty());
        width.setId("settings-chart-width");
        TextField height = new TextField();
        height.textProperty().bindBidirectional(model.chartHeightProperty());
        height.setId("settings-chart-height");
        Spinner<Double> font = new Spinner<>();
        SpinnerValueFactory.DoubleSpinnerValueFactory points =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(4, 48, 8, 0.5);
        font.setValueFactory(points);
        points.valueProperty().bindBidirectional(model.chartFontProperty());
        font.setEditable(true);
        font.setPrefWidth(90);
        font.setId("settings-chart-font");
        CheckBox serif = new CheckBox("serif (Times in PDF) instead of sans (Helvetica)");
        serif.selectedProperty().bindBidirectional(model.chartSerifProperty());
        CheckBox title = new CheckBox("title on the figure (papers usually put it in the caption)");
        title.selectedProperty().bindBidirectional(model.chartTitleProperty());
        return page(
                new String[] {"Size", "Width", "Height", "Font size (pt)", "Font", "Title"},
                new Node[] {preset, width, height, font, serif, title},
                "The paper style every chart starts with and returns to when you save a new default: lengths in cm, "
                        + "in or mm (a bare number is cm). The Charts tab can still change a figure's size and font.");
    }

    private static Node models(SettingsViewModel model, Helpers helpers) {
        ListView<ModelConnection> list = new ListView<>(model.connections());
        list.setId("settings-connections");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label("No saved connections yet. The built-in tiny reasoner needs none;\n"
                + "add a server (vLLM, Ollama, OpenAI, …) or a GGUF file with Add or Edit…"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ModelConnection connection, boolean empty) {
                super.updateItem(connection, empty);
                setText(empty || connection == null ? null : connection.name() + " — " + describe(connection));
            }
        });
        Button edit = new Button("Add or Edit…");
        edit.setId("settings-edit-connections");
        edit.setOnAction(event -> helpers.editConnections(edit.getScene().getWindow()));
        Button remove = new Button("Remove");
        remove.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(
                event -> model.removeConnection(list.getSelectionModel().getSelectedItem()));
        Label help = hint("Models replay can run against, saved by name. A key is read from its environment variable, "
                + "or kept only in Ponder's owner-only settings file; it never goes into a workspace, an export or "
                + "the log. Changes here are saved at once.");
        VBox box = new VBox(8, list, new HBox(6, edit, remove), help);
        box.setPadding(new Insets(12));
        return box;
    }

    private static String describe(ModelConnection connection) {
        return connection.kind() == ModelConnection.Kind.EMBEDDED
                ? "GGUF " + connection.gguf()
                : connection.baseUrl() + " · " + connection.model() + (connection.chat() ? " · chat" : "");
    }

    private static Node page(String[] labels, Node[] fields, String help) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        for (int i = 0; i < labels.length; i++) {
            Label label = new Label(labels[i]);
            label.setLabelFor(fields[i]);
            label.setMinWidth(Region.USE_PREF_SIZE);
            if (fields[i] instanceof TextArea) {
                GridPane.setValignment(label, javafx.geometry.VPos.TOP);
            }
            grid.addRow(i, label, fields[i]);
            GridPane.setHgrow(fields[i], Priority.ALWAYS);
        }
        VBox box = new VBox(12, grid, hint(help));
        box.setPadding(new Insets(12));
        return box;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setStyle("-fx-text-fill: -ponder-text-muted");
        return hint;
    }
}
