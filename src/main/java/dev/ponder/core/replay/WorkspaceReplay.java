package dev.ponder.core.replay;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.ingest.AlreadyImportedException;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a replay into a workspace: each run's samples go to a journal in the user's replay folder as they
 * finish, and the finished journal is imported as a new run linked to the run it replays. The journal's name
 * follows from the replay's settings and problems, so running the same replay again resumes it.
 */
public final class WorkspaceReplay {

    /**
     * The runs a replay made, how many samples this call generated, and the samples that failed (each after its
     * back-end's retries) with why: the runs hold the others, and running the replay again runs the failed ones.
     */
    public record Outcome(List<Long> runIds, List<Path> journals, int samplesRun, List<String> failures) {
        public Outcome {
            failures = List.copyOf(failures);
        }
    }

    private final Workspace workspace;
    private final Path journalDir;
    private final Grader grader;

    public WorkspaceReplay(Workspace workspace, Path journalDir, Grader grader) {
        this.workspace = workspace;
        this.journalDir = journalDir;
        this.grader = grader;
    }

    /** Runs every budget of the request in turn; a cancel keeps the finished samples in their journals. */
    public Outcome run(
            ReplayRequest request, ModelBackend model, PromptTemplate template, LiveText live, TaskContext context)
            throws ReplayException {
        List<Long> runs = new ArrayList<>();
        List<Path> journals = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int ran = 0;
        ReplayRunner runner = new ReplayRunner(model, template);
        List<Integer> budgets = request.runBudgets();
        ReplayProgress progress = new ReplayProgress(
                context, 0, (long) budgets.size() * request.plan(budgets.get(0)).units());
        for (int i = 0; i < budgets.size(); i++) {
            Integer budget = budgets.get(i);
            if (budgets.size() > 1) {
                progress.stage("Budget " + budget + " (run " + (i + 1) + " of " + budgets.size() + ")");
            }
            Map<String, String> params = request.provenance(budget, model, template);
            ReplayJournal.RunSpec spec = new ReplayJournal.RunSpec(
                    request.runName(budget),
                    model.modelName(),
                    request.strategy().code(),
                    params);
            Path file = journalFile(request, spec);
            ReplayRunner.Plan plan = request.plan(budget);
            int kept;
            List<String> failedHere;
            try (ReplayJournal journal = ReplayJournal.open(file, spec, grader)) {
                progress.alreadyDone(journal.doneCount());
                ReplayRunner.Ran done = runner.run(plan, journal, live, context, progress);
                ran += done.finished();
                failedHere = done.failures();
                failures.addAll(failedHere);
                kept = journal.doneCount();
            } catch (IOException e) {
                throw new ReplayException("Cannot close the replay journal " + file + ": " + e.getMessage(), e);
            }
            if (kept == 0 && !failedHere.isEmpty()) {
                // Nothing finished at all: a setting is wrong (a model the server lacks, a key it refuses).
                throw new ReplayException(failedHere.get(0).replaceFirst("^[^:]*: ", ""));
            }
            journals.add(file);
            runs.add(importRun(file, request));
        }
        return new Outcome(runs, journals, ran, failures);
    }

    /**
     * Imports the journal as a run. A journal imported before with gaps (samples that had failed) and since filled
     * replaces its earlier run, so that no sample is ever in the workspace twice.
     */
    private long importRun(Path file, ReplayRequest request) {
        String source = file.toAbsolutePath().normalize().toString();
        List<Long> earlier = workspace.read(tables -> tables.runs().findBySourcePath(source)).stream()
                .map(Run::id)
                .toList();
        long runId;
        try {
            ImportResult result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
            runId = result.runId();
        } catch (AlreadyImportedException again) {
            return again.earlier().get(0).id(); // the same replay, finished before: its run already exists
        }
        workspace.write(tables -> {
            if (request.original() != null) {
                tables.runs().setParent(runId, request.original().id());
            }
            for (long stale : earlier) {
                tables.runs().delete(stale);
            }
            return null;
        });
        return runId;
    }

    /** The journal of one run: named after the replay, with a digest of its settings and problems. */
    Path journalFile(ReplayRequest request, ReplayJournal.RunSpec spec) throws ReplayException {
        try {
            Files.createDirectories(journalDir);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    (spec.name() + '\n' + spec.model() + '\n' + spec.strategy() + '\n' + new TreeMap<>(spec.params()))
                            .getBytes(StandardCharsets.UTF_8));
            for (Problem problem : request.problems()) {
                digest.update((problem.key() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            String slug = spec.name()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
            String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            return journalDir.resolve((slug.isEmpty() ? "replay" : slug) + "-" + hash + ".jsonl");
        } catch (IOException e) {
            throw new ReplayException("Cannot create the replay folder " + journalDir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
