package dev.ponder.core.service;

import dev.ponder.core.analysis.Regrader;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import dev.ponder.core.task.TaskContext;
import java.util.List;
import java.util.Optional;

/** The runs of a workspace: listing and finding them, editing their attributes, regrading, deleting. */
public final class RunService {
    private final Workspace workspace;
    private final ContentChanges changes;

    RunService(Workspace workspace, ContentChanges changes) {
        this.workspace = workspace;
        this.changes = changes;
    }

    /** Every run with its counts, oldest first. */
    public List<RunSummary> summaries() {
        return workspace.runSummaries();
    }

    public Optional<Run> find(long runId) {
        return workspace.read(tables -> tables.runs().find(runId));
    }

    /**
     * The run a user names: by id, or by its exact name when that is unique; else a {@link WorkspaceException}
     * saying what to do.
     */
    public RunSummary select(String idOrName) {
        long id = selectRun(idOrName).id();
        return summaries().stream()
                .filter(summary -> summary.run().id() == id)
                .findFirst()
                .orElseThrow(() -> missing(idOrName));
    }

    /**
     * As {@link #select}, the run alone: without counting every run's samples, which takes a while on a workspace of
     * millions.
     */
    public Run selectRun(String idOrName) {
        List<Run> runs = workspace.read(tables -> tables.runs().all());
        if (idOrName.matches("\\d+")) {
            long id = Long.parseLong(idOrName);
            return runs.stream().filter(run -> run.id() == id).findFirst().orElseThrow(() -> missing(idOrName));
        }
        List<Run> named =
                runs.stream().filter(run -> run.name().equals(idOrName)).toList();
        if (named.size() > 1) {
            throw new WorkspaceException(
                    WorkspaceException.Reason.FAILED,
                    workspace.file(),
                    named.size()
                            + " runs are named \"" + idOrName + "\"; name one by its id: "
                            + named.stream()
                                    .map(run -> String.valueOf(run.id()))
                                    .toList());
        }
        return named.stream().findFirst().orElseThrow(() -> missing(idOrName));
    }

    private WorkspaceException missing(String run) {
        return new WorkspaceException(
                WorkspaceException.Reason.NOT_FOUND,
                workspace.file(),
                "There is no run \"" + run + "\" in " + workspace.file().getFileName()
                        + "; `ponder info` lists the runs.");
    }

    /** Saves a run's edited attributes (name, model, strategy, budget, ...); false when the run is gone. */
    public boolean edit(Run edited) {
        boolean found = workspace.write(tables -> tables.runs().updateAttributes(edited));
        changes.changed();
        return found;
    }

    /** Deletes the run and everything of it; false when it was already gone. */
    public boolean delete(long runId) {
        boolean found = workspace.write(tables -> tables.runs().delete(runId));
        changes.changed();
        return found;
    }

    /** Grades the run again with another grading, in one transaction. */
    public Regrader.Result regrade(long runId, Grading grading, TaskContext context) {
        try {
            return Regrader.regrade(workspace, runId, grading, context);
        } finally {
            changes.changed();
        }
    }

    /** The run's problems, in id order. */
    public List<Problem> problems(long runId) {
        return workspace.read(tables -> tables.problems().ofRun(runId));
    }

    public Optional<Problem> problem(String key) {
        return workspace.read(tables -> tables.problems().findByKey(key));
    }

    public Optional<Problem> problem(long problemId) {
        return workspace.read(tables ->
                tables.problems().byIds(new long[] {problemId}).stream().findFirst());
    }
}
