package dev.ponder.core.replay;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.ingest.AlreadyImportedException;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Problem;
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

    /** The runs a replay made, and how many samples this call generated. */
    public record Outcome(List<Long> runIds, List<Path> journals, int samplesRun) {}

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
            try (ReplayJournal journal = ReplayJournal.open(file, spec, grader)) {
                progress.alreadyDone(journal.doneCount());
                ran += runner.run(plan, journal, live, context, progress);
            } catch (IOException e) {
                throw new ReplayException("Cannot close the replay journal " + file + ": " + e.getMessage(), e);
            }
            journals.add(file);
            runs.add(importRun(file, request));
        }
        return new Outcome(runs, journals, ran);
    }

    private long importRun(Path file, ReplayRequest request) {
        long runId;
        try {
            ImportResult result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
            runId = result.runId();
        } catch (AlreadyImportedException again) {
            return again.earlier().get(0).id(); // the same replay, finished before: its run already exists
        }
        if (request.original() != null) {
            workspace.write(
                    tables -> tables.runs().setParent(runId, request.original().id()));
        }
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
