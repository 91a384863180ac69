package dev.ponder.app.replay;

import dev.ponder.app.common.AppSettings;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.service.ReplayPlan;
import dev.ponder.core.service.ReplayService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskListener;
import dev.ponder.core.task.TaskRunner;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Replay tab: which problems (the selected one, the ones the filter shows, or a branch from a position in a
 * trace), the strategy's settings ({@link ReplayForm}), which model ({@link ReplayConnections}); Start hands the
 * plan to the replay service in the background, Cancel stops it keeping what finished, and the samples stream into
 * {@link LiveReplay} meanwhile.
 */
public final class ReplayViewModel implements AutoCloseable {

    /** Which problems a replay takes. */
    public enum Scope {
        SHOWN("Problems shown in the Problems tab"),
        SELECTED("The selected problem");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final AppSettings settings;
    private final ObjectProperty<RunSummary> run;
    private final ObservableList<ProblemRow> shownProblems;
    private final ObjectProperty<ProblemRow> selectedProblem;
    private final ReplayForm form = new ReplayForm();
    private final ReplayConnections connections;
    private final LiveReplay live = new LiveReplay();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.SHOWN);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problemsSummary = new ReadOnlyStringWrapper("");
    private Consumer<List<Long>> onFinished = ids -> {};
    private TaskHandle current;

    public ReplayViewModel(
            TaskRunner tasks,
            WorkspaceSession session,
            AppSettings settings,
            PonderHome home,
            ObjectProperty<RunSummary> run,
            ObservableList<ProblemRow> shownProblems,
            ObjectProperty<ProblemRow> selectedProblem) {
        this.tasks = tasks;
        this.session = session;
        this.settings = settings;
        this.run = run;
        this.shownProblems = shownProblems;
        this.selectedProblem = selectedProblem;
        this.connections = new ReplayConnections(tasks, settings, home);
        Runnable summarise = () -> problemsSummary.set(describeProblems());
        scope.addListener((o, b, n) -> summarise.run());
        form.strategyProperty().addListener((o, b, n) -> summarise.run());
        form.branchPointProperty().addListener((o, b, n) -> summarise.run());
        shownProblems.addListener((ListChangeListener<ProblemRow>) change -> summarise.run());
        selectedProblem.addListener((o, b, n) -> summarise.run());
        run.addListener((o, b, n) -> summarise.run());
        summarise.run();
    }

    /** The strategy's settings. */
    public ReplayForm form() {
        return form;
    }

    /** The models to choose from. */
    public ReplayConnections connections() {
        return connections;
    }

    /** The replay as it runs: progress, message, the samples streaming. */
    public LiveReplay live() {
        return live;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Which problems Start would replay, in words. */
    public ReadOnlyStringProperty problemsSummaryProperty() {
        return problemsSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Called with the new runs' ids when a replay finishes. */
    public void onFinished(Consumer<List<Long>> action) {
        this.onFinished = action;
    }

    /** Branch from here: K continuations of a sample's text from a position, chosen in the inspector. */
    public void branchFrom(long sampleId, int position, String description) {
        form.branchFrom(sampleId, position, description);
    }

    private String describeProblems() {
        if (form.strategyProperty().get() == ReplayStrategy.BRANCH) {
            ReplayForm.BranchPoint point = form.branchPointProperty().get();
            return point == null
                    ? "Choose \"Branch from Here\" on a trace in the inspector (right-click the text)."
                    : "Branches of " + point.description() + " from character " + point.position();
        }
        RunSummary summary = run.get();
        if (summary == null) {
            return "Choose a run whose problems to replay.";
        }
        return switch (scope.get()) {
            case SHOWN ->
                shownProblems.size() + " problem" + (shownProblems.size() == 1 ? "" : "s") + " of "
                        + summary.run().name() + ", as the Problems tab's filter shows them";
            case SELECTED ->
                selectedProblem.get() == null
                        ? "No problem selected in the Problems tab."
                        : "Problem " + selectedProblem.get().key() + " of "
                                + summary.run().name();
        };
    }

    /** Starts the replay; a notice says what is missing or wrong instead. */
    public void start() {
        WorkspaceServices workspace = session.workspace();
        if (running.get() || workspace == null) {
            return;
        }
        ModelConnection model = connections.chosenProperty().get();
        ReplayPlan plan;
        try {
            plan = form.plan(run.get() == null ? null : run.get().run().id(), chosenProblems());
            // Checked here, before any work, so that a wrong setting is said at once.
            workspace.replays().check(plan, model);
            boolean branch = plan.strategy() == ReplayStrategy.BRANCH;
            if (branch
                    ? plan.branch() == null
                    : plan.problems() == null || plan.problems().ids().isEmpty()) {
                throw new IllegalArgumentException(describeProblems());
            }
        } catch (IllegalArgumentException e) {
            notice.set(Notice.info("Cannot start the replay", e.getMessage()));
            return;
        }
        live.start("Loading " + model.name() + " …");
        running.set(true);
        String grader = settings.get().preferences().defaultGrader();
        current = tasks.submit(
                "Replay with " + model.name(),
                context ->
                        workspace.replays().run(plan, model, null, grader, null, live.sink(), live.recording(context)),
                new TaskListener<ReplayService.Outcome>() {
                    @Override
                    public void succeeded(ReplayService.Outcome outcome) {
                        finish(
                                "Replay finished: " + outcome.samplesRun() + " samples generated, "
                                        + outcome.runs().size()
                                        + (outcome.runs().size() == 1 ? " run" : " runs") + " added."
                                        + (outcome.failures().isEmpty() ? "" : " " + outcome.failureSummary()),
                                1);
                        if (!outcome.failures().isEmpty()) {
                            notice.set(Notice.info("Some samples failed", outcome.failureSummary()));
                        }
                        session.changed();
                        onFinished.accept(outcome.runs().stream().map(Run::id).toList());
                    }

                    @Override
                    public void failed(Throwable error) {
                        finish("Replay failed: " + error.getMessage(), 0);
                        notice.set(Notice.error("Replay failed", error));
                    }

                    @Override
                    public void cancelled() {
                        finish(
                                "Replay cancelled. The finished samples are kept: Start the same replay again to resume it.",
                                0);
                    }
                });
    }

    private List<Long> chosenProblems() {
        if (form.strategyProperty().get() == ReplayStrategy.BRANCH) {
            return List.of();
        }
        if (scope.get() == Scope.SELECTED) {
            return selectedProblem.get() == null
                    ? List.of()
                    : List.of(selectedProblem.get().problemId());
        }
        return shownProblems.stream().map(ProblemRow::problemId).toList();
    }

    private void finish(String text, double done) {
        live.finish(text, done);
        running.set(false);
        current = null;
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
            live.say("Cancelling: the running samples stop, the finished ones stay …");
        }
    }

    /** Stops a running replay; the model it loaded is let go with the workspace. */
    @Override
    public void close() {
        if (current != null) {
            current.cancel();
        }
    }
}
