package dev.ponder.app.overview;

import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The selected run's provenance and counts, as text ready to show. */
public final class RunOverviewViewModel {
    private static final DateTimeFormatter IMPORTED = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.getDefault()).withZone(ZoneId.systemDefault());

    /** One line of the provenance table. */
    public record Fact(String label, String value) {
    }

    private final ObjectProperty<RunSummary> run = new SimpleObjectProperty<>();
    private final ObservableList<Fact> provenance = FXCollections.observableArrayList();
    private final ObservableList<Fact> counts = FXCollections.observableArrayList();

    public RunOverviewViewModel() {
        run.addListener((observable, before, after) -> update(after));
    }

    /** The run to show; bind it to the run browser's selection. */
    public ObjectProperty<RunSummary> runProperty() {
        return run;
    }

    public BooleanBinding emptyProperty() {
        return run.isNull();
    }

    public StringBinding titleProperty() {
        return text(summary -> summary.run().name());
    }

    public ObservableList<Fact> provenance() {
        return provenance;
    }

    public ObservableList<Fact> counts() {
        return counts;
    }

    private StringBinding text(Function<RunSummary, String> value) {
        return Bindings.createStringBinding(() -> run.get() == null ? "" : value.apply(run.get()), run);
    }

    private void update(RunSummary summary) {
        if (summary == null) {
            provenance.clear();
            counts.clear();
            return;
        }
        Run r = summary.run();
        List<Fact> facts = new java.util.ArrayList<>(List.of(
                new Fact("File", orDash(r.source().path())),
                new Fact("Format", r.source().format()),
                new Fact("SHA-256", orDash(r.source().sha256())),
                new Fact("Imported", IMPORTED.format(r.importedAt())),
                new Fact("Model", orDash(r.model())),
                new Fact("Strategy", orDash(r.strategy())),
                new Fact("Grader", orDash(r.grader()))));
        for (Map.Entry<String, String> parameter : r.params().entrySet()) {
            facts.add(new Fact(parameter.getKey(), parameter.getValue()));
        }
        if (r.notes() != null && !r.notes().isBlank()) {
            facts.add(new Fact("Notes", r.notes()));
        }
        provenance.setAll(facts);
        List<Fact> shown = new ArrayList<>(List.of(
                new Fact("Problems", String.format(Locale.ROOT, "%,d", summary.problems())),
                new Fact("Samples", String.format(Locale.ROOT, "%,d", summary.samples()))));
        if (summary.treeNodes() > 0) {
            shown.add(new Fact("Tree nodes", String.format(Locale.ROOT, "%,d", summary.treeNodes())));
        }
        shown.add(new Fact("Graded samples", String.format(Locale.ROOT, "%,d", summary.gradedSamples())));
        shown.add(new Fact("Accuracy", summary.accuracy() == null ? "—"
                : String.format(Locale.ROOT, "%.1f%%", 100 * summary.accuracy())));
        counts.setAll(shown);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
