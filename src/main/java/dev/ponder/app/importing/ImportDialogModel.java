package dev.ponder.app.importing;

import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.model.RunAttribute;
import dev.ponder.core.service.Choices;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the import dialog holds: the files with how each will be read, the run attributes to set on every run
 * (blank keeps what the file says), how to count tokens the files do not count, and the grader for samples
 * they do not grade. It says what is wrong until the import can start.
 */
public final class ImportDialogModel {
    /** The tokenizer choices besides a tokenizer file of the user's. */
    public static final List<String> ESTIMATES = Choices.TOKEN_ESTIMATES;

    private final ObservableList<ImportRow> rows = FXCollections.observableArrayList(row ->
            new Observable[] {row.includeProperty(), row.formatProperty(), row.budgetProperty(), row.plannedProperty()
            });
    private final Map<RunAttribute, StringProperty> attributes = new EnumMap<>(RunAttribute.class);
    private final StringProperty tokenizer = new SimpleStringProperty(Choices.DEFAULT_TOKENIZER);
    private final StringProperty grader = new SimpleStringProperty(Choices.DEFAULT_GRADER);
    private final List<String> formats;
    private final StringBinding problem;
    private final StringBinding summary;

    ImportDialogModel(List<PlannedFile> plan, List<String> formats) {
        plan.forEach(file -> rows.add(new ImportRow(file)));
        this.formats = formats;
        List<Observable> watched = new ArrayList<>(List.of(rows, tokenizer, grader));
        for (RunAttribute attribute : RunAttribute.values()) {
            StringProperty value = new SimpleStringProperty("");
            attributes.put(attribute, value);
            watched.add(value);
        }
        this.problem = Bindings.createStringBinding(() -> findProblem().orElse(""), watched.toArray(Observable[]::new));
        this.summary = Bindings.createStringBinding(this::describe, rows);
    }

    public ObservableList<ImportRow> rows() {
        return rows;
    }

    /** The formats a file can be read as, for the user to override what was recognised. */
    public List<String> formats() {
        return formats;
    }

    /** The value to set on every run; blank keeps what each file says. */
    public StringProperty attribute(RunAttribute attribute) {
        return attributes.get(attribute);
    }

    /** Whether one file is imported, so a run name can be given. */
    public boolean single() {
        return rows.size() == 1;
    }

    /** {@code cl100k}, {@code o200k}, or the path of the model's {@code tokenizer.json}. */
    public StringProperty tokenizerProperty() {
        return tokenizer;
    }

    public StringProperty graderProperty() {
        return grader;
    }

    public List<String> graders() {
        return Choices.graders();
    }

    /** What must be fixed before the import can start, or the empty string. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canImportProperty() {
        return problem.isEmpty();
    }

    /** E.g. "3 of 4 files, 1.2 GB". */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** The files to import, each with its options. */
    public List<FileImport> imports() {
        ImportOptions shared = sharedOptions();
        List<FileImport> imports = new ArrayList<>();
        for (ImportRow row : rows) {
            if (!row.includeProperty().get()) {
                continue;
            }
            PlannedFile planned = row.planned();
            ImportOptions options = planned.options(shared);
            if (row.formatProperty().get() != null
                    && !row.formatProperty().get().equals(planned.format())) {
                options = options.withFormat(row.formatProperty().get());
            }
            if (row.budgetTyped()) {
                Map<String, String> set = new HashMap<>(options.attributes());
                set.put(
                        RunAttribute.BUDGET.key(),
                        row.budgetProperty().get() == null
                                ? ""
                                : row.budgetProperty().get());
                options = options.withAttributes(set, options.defaults());
            }
            imports.add(new FileImport(planned.file(), options));
        }
        return imports;
    }

    private ImportOptions sharedOptions() {
        Map<String, String> set = new HashMap<>();
        attributes.forEach((attribute, value) -> {
            if (value.get() != null && !value.get().isBlank() && (attribute != RunAttribute.NAME || single())) {
                set.put(attribute.key(), value.get().strip());
            }
        });
        return ImportOptions.DEFAULT
                .withAttributes(set, Map.of())
                .withTokenizer(tokenizer.get())
                .withGrader(grader.get());
    }

    private Optional<String> findProblem() {
        for (RunAttribute attribute : RunAttribute.values()) {
            Optional<String> wrong = attribute.problem(attributes.get(attribute).get());
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        Optional<String> wrongTokenizer = Choices.tokenizerProblem(tokenizer.get());
        if (wrongTokenizer.isPresent()) {
            return wrongTokenizer;
        }
        boolean any = false;
        for (ImportRow row : rows) {
            if (!row.includeProperty().get()) {
                continue;
            }
            any = true;
            if (row.needsMapping()) {
                return Optional.of(
                        row.fileName() + ": no reader knows this file; map its fields (Map Fields…) or leave it out");
            }
            Optional<String> budget =
                    RunAttribute.BUDGET.problem(row.budgetProperty().get());
            if (budget.isPresent()) {
                return Optional.of(row.fileName() + ": " + budget.get());
            }
        }
        return any ? Optional.empty() : Optional.of("Choose at least one file to import");
    }

    private String describe() {
        long chosen = rows.stream().filter(row -> row.includeProperty().get()).count();
        long bytes = rows.stream()
                .filter(row -> row.includeProperty().get())
                .mapToLong(row -> row.planned().bytes())
                .sum();
        if (rows.size() == 1) {
            return "1 file, " + size(rows.get(0).planned().bytes());
        }
        return String.format(Locale.ROOT, "%d of %d files, %s", chosen, rows.size(), size(bytes));
    }

    static String size(long bytes) {
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
