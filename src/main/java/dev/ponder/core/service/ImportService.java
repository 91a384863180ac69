package dev.ponder.core.service;

import dev.ponder.core.analysis.FirstFigures;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.SampleRuns;
import dev.ponder.core.ingest.SummaryFigures;
import dev.ponder.core.ingest.mapping.SavedMapping;
import dev.ponder.core.ingest.plan.FileShape;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.plan.ImportPlanner;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.ingest.read.GenericReader;
import dev.ponder.core.ingest.read.RunFormats;
import dev.ponder.core.model.Run;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Run files into the workspace: a plan of what each chosen file or folder is (its format, a saved mapping, what
 * its name says), then each file imported as a run in one transaction, and Ponder's sample runs.
 */
public final class ImportService {
    private final Workspace workspace;
    private final ContentChanges changes;
    private final RunFormats formats = RunFormats.standard();

    ImportService(Workspace workspace, PonderHome home, ContentChanges changes) {
        this.workspace = workspace;
        this.changes = changes;
    }

    /**
     * What each of the chosen files and folders would import as: its format ({@code format} forces one), the mapping
     * saved for files of its shape, what its name and folder say (budget, seed, group). Reads no workspace.
     */
    public static List<PlannedFile> plan(
            List<Path> chosen,
            String format,
            Function<FileShape, Optional<SavedMapping>> savedMappings,
            TaskContext context) {
        try {
            return new ImportPlanner(RunFormats.standard(), savedMappings).plan(chosen, format, context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look through the files: " + e.getMessage(), e);
        }
    }

    /**
     * The file's first figures before its samples are read, where it keeps per-sample results apart from the text (an
     * Inspect {@code .eval}'s summaries): the figures the import of the file will give. Reads no workspace; empty when
     * the file has no such results.
     */
    public static Optional<FirstFigures> summaryFigures(Path file, ImportOptions options) {
        return SummaryFigures.of(file, options, StatsOptions.DEFAULT);
    }

    /** Imports one file as a new run; nothing of it stays when it fails or is cancelled. */
    public ImportResult importFile(Path file, ImportOptions options, TaskContext context) {
        try {
            return new Importer(workspace, formats).importFile(file, options, context);
        } finally {
            changes.changed();
        }
    }

    /**
     * Follows a run file a running evaluation is still writing ({@link FollowedFile}): imported now, then again each
     * time complete lines are added, each refresh told to {@code refreshed}; returns the last run once the file has
     * not grown for {@code quiet}, or when cancelled.
     */
    public ImportResult follow(
            Path file, ImportOptions options, Duration quiet, Consumer<ImportResult> refreshed, TaskContext context) {
        return new FollowedFile(workspace, new Importer(workspace, formats), changes::changed)
                .follow(file, options, List.of(), quiet, refreshed, context);
    }

    /**
     * Follows the file a run was imported from, as {@link #follow} does, read as it was (its format, the mapping saved
     * for its shape); the first refresh replaces the run, or every run of a sweep made from the file, and keeps the
     * run's name where it is one run.
     */
    public ImportResult followRun(
            long runId,
            Function<FileShape, Optional<SavedMapping>> savedMappings,
            Duration quiet,
            Consumer<ImportResult> refreshed,
            TaskContext context) {
        Run run = workspace
                .read(tables -> tables.runs().find(runId))
                .orElseThrow(() -> new IllegalArgumentException("the run is no longer in the workspace"));
        Path file = run.source().path() == null ? null : Path.of(run.source().path());
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(run.name() + " was not imported from a file that is still on disk"
                    + (file == null ? "" : " (" + file + ")"));
        }
        List<Long> sameImport =
                workspace
                        .read(tables ->
                                tables.runs().findBySourceSha256(run.source().sha256()))
                        .stream()
                        .filter(other ->
                                run.source().path().equals(other.source().path()))
                        .map(Run::id)
                        .toList();
        boolean mapped = GenericReader.FORMAT.equals(run.source().format());
        // a mapped file is read with the mapping saved for its shape, which planning finds when no format is forced
        PlannedFile planned = plan(List.of(file), mapped ? null : run.source().format(), savedMappings, context)
                .get(0);
        if (!planned.recognised()) {
            throw new IllegalArgumentException(
                    mapped
                            ? "No mapping is saved for files shaped like " + file.getFileName()
                                    + " any more; import it again, mapping its fields, and follow that run."
                            : "Cannot read " + file.getFileName() + " as "
                                    + run.source().format() + " any more: " + planned.problem());
        }
        ImportOptions options = planned.options(
                sameImport.size() > 1
                        ? ImportOptions.DEFAULT
                        : ImportOptions.withAttributes(Map.of("name", run.name())));
        return new FollowedFile(workspace, new Importer(workspace, formats), changes::changed)
                .follow(file, options, sameImport.isEmpty() ? List.of(runId) : sameImport, quiet, refreshed, context);
    }

    /** Imports Ponder's sample runs, those not in the workspace yet; returns what was imported. */
    public List<ImportResult> importSampleRuns(TaskContext context) {
        try {
            return SampleRuns.importAll(workspace, context);
        } finally {
            changes.changed();
        }
    }
}
