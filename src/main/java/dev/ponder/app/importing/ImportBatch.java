package dev.ponder.app.importing;

import dev.ponder.core.Plural;
import dev.ponder.core.ingest.AlreadyImportedException;
import dev.ponder.core.ingest.ImportResult;
import java.util.ArrayList;
import java.util.List;

/** The outcome of importing several files: each file imports (or fails) on its own. */
final class ImportBatch {
    record Failure(FileImport file, Throwable error) {}

    private final List<ImportResult> imported = new ArrayList<>();
    private final List<Failure> failed = new ArrayList<>();

    synchronized void imported(ImportResult result) {
        imported.add(result);
    }

    synchronized void failed(FileImport file, Throwable error) {
        failed.add(new Failure(file, error));
    }

    synchronized List<ImportResult> imported() {
        return List.copyOf(imported);
    }

    /** Files refused because their exact content was imported before: the user may want them twice. */
    synchronized List<FileImport> alreadyImported() {
        return failed.stream()
                .filter(failure -> failure.error() instanceof AlreadyImportedException)
                .map(Failure::file)
                .toList();
    }

    /** One line per file for the status bar and the summary dialog. */
    synchronized String summary() {
        StringBuilder text = new StringBuilder();
        for (ImportResult result : imported) {
            text.append("Imported " + result.runName() + ": " + Plural.of(result.problems(), "problem") + ", "
                    + Plural.of(result.samples(), "sample")
                    + (result.treeNodes() > 0 ? ", " + Plural.of(result.treeNodes(), "tree node") : ""));
            if (result.skippedCount() > 0) {
                text.append("; " + Plural.of(result.skippedCount(), "record") + " skipped:");
                result.skipped().stream()
                        .limit(10)
                        .forEach(skip -> text.append("\n    ").append(skip));
            }
            text.append('\n');
        }
        for (Failure failure : failed) {
            if (!(failure.error() instanceof AlreadyImportedException)) {
                text.append("Not imported: ")
                        .append(failure.error().getMessage())
                        .append('\n');
            }
        }
        return text.toString().strip();
    }

    /** One line for the status bar: the run imported, or how many and how many samples. */
    synchronized String statusLine() {
        if (imported.size() <= 1) {
            return summary().lines().findFirst().orElse("");
        }
        long samples = imported.stream().mapToLong(ImportResult::samples).sum();
        long notImported = failed.size();
        return "Imported " + Plural.of(imported.size(), "run") + ", " + Plural.of(samples, "sample")
                + (notImported == 0 ? "" : "; " + Plural.of(notImported, "file") + " not imported");
    }

    /** Whether something other than an already-imported file failed or lost records. */
    synchronized boolean needsAttention() {
        return failed.size() > alreadyImported().size()
                || imported.stream().anyMatch(result -> result.skippedCount() > 0);
    }
}
