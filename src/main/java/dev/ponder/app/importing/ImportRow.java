package dev.ponder.app.importing;

import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.model.RunAttribute;
import dev.ponder.core.service.Choices;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One file in the import dialog: whether to import it, what to read it as (recognised, or chosen by the user),
 * its budget (read from its name in a sweep, or typed), and its field mapping once the user made one.
 */
public final class ImportRow {
    private final ObjectProperty<PlannedFile> planned;
    private final BooleanProperty include;
    private final StringProperty format;
    private final StringProperty budget;
    private final String guessedBudget;

    ImportRow(PlannedFile file) {
        this.planned = new SimpleObjectProperty<>(file);
        this.include = new SimpleBooleanProperty(file.recognised());
        this.format = new SimpleStringProperty(file.format());
        this.guessedBudget = file.guessed().get(RunAttribute.BUDGET.key());
        this.budget = new SimpleStringProperty(guessedBudget);
    }

    public PlannedFile planned() {
        return planned.get();
    }

    public ObjectProperty<PlannedFile> plannedProperty() {
        return planned;
    }

    public BooleanProperty includeProperty() {
        return include;
    }

    /** The format to read the file as; {@code null} while none is known. */
    public StringProperty formatProperty() {
        return format;
    }

    public StringProperty budgetProperty() {
        return budget;
    }

    public String fileName() {
        return String.valueOf(planned().file().getFileName());
    }

    /** Whether the user typed a budget other than the one read from the file's name. */
    boolean budgetTyped() {
        String typed = budget.get() == null ? "" : budget.get().strip();
        return !typed.equals(guessedBudget == null ? "" : guessedBudget);
    }

    /** Whether it needs a field mapping before it can import: no reader knows it, or the user chose the generic format. */
    public boolean needsMapping() {
        return (format.get() == null || Choices.MAPPED_FORMAT.equals(format.get()))
                && planned().mapping() == null;
    }

    /** Reads the file with this mapping, and includes it. */
    public void mapped(FieldMapping mapping) {
        planned.set(planned().withMapping(mapping));
        format.set(Choices.MAPPED_FORMAT);
        include.set(true);
    }

    /** What the dialog says about the file: how it will be read, or why it cannot be. */
    public String status() {
        PlannedFile file = planned();
        if (file.mapping() != null && Choices.MAPPED_FORMAT.equals(format.get())) {
            return "read with a field mapping";
        }
        if (format.get() == null) {
            return file.mappable() ? "no reader knows it: map its fields" : shortProblem(file.problem());
        }
        if (Choices.MAPPED_FORMAT.equals(format.get())) {
            return "map its fields first";
        }
        if (file.recognised() && format.get().equals(file.format())) {
            return file.summaryBeside()
                    .map(summary -> "recognised; its results summary " + summary.getFileName()
                            + " is read for the model and settings")
                    .orElse("recognised");
        }
        return "read as " + format.get();
    }

    /** The attributes read from the file's name or folder, e.g. "budget 1024 · group sweep A". */
    public String guessed() {
        Map<String, String> guessed = planned().guessed();
        return guessed.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(RunAttribute.BUDGET.key()))
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(" · "));
    }

    private String shortProblem(String problem) {
        if (problem == null) {
            return "";
        }
        String prefix = fileName() + ": ";
        return problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem;
    }
}
