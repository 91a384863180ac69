package dev.ponder.app.replay;

import dev.ponder.app.AppSettings;
import dev.ponder.app.Notice;
import dev.ponder.app.WorkspaceSession;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.model.Sample;
import dev.ponder.core.replay.BranchOrigin;
import dev.ponder.core.replay.BudgetForcing;
import dev.ponder.core.replay.ModelBackend;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.OpenAiCompatible;
import dev.ponder.core.replay.ReplayException;
import dev.ponder.core.replay.ReplayRequest;
import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.replay.WorkspaceReplay;
import dev.ponder.core.store.ProblemRepository;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskListener;
import dev.ponder.core.task.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Replay tab's state and commands: which problems (the selected one, the ones the filter shows, or a branch
 * from a position in a trace), which strategy with which parameters, which model; Start runs it in the
 * background, Cancel stops it keeping what finished. The model is loaded once and kept for the next replay.
 */
public final class ReplayViewModel implements AutoCloseable {

    /** Which problems a replay takes. */
    public enum Scope {
        SHOWN("Problems shown in the Problems tab"), SELECTED("The selected problem");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A branch point chosen in the inspector: a sample and a character position in its text. */
    public record BranchPoint(long sampleId, int position, String description) {
    }

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final AppSettings settings;
    private final Path modelsDir;
    private final Path replaysDir;
    private final ObjectProperty<RunSummary> run;
    private final ObservableList<ProblemRow> shownProblems;
    private final ObjectProperty<ProblemRow> selectedProblem;
    private final LiveTraces live = new LiveTraces();

    private final ObservableList<ModelConnection> connections = FXCollections.observableArrayList();
    private final ObjectProperty<ModelConnection> connection = new SimpleObjectProperty<>();
    private final ObjectProperty<ReplayStrategy> strategy = new SimpleObjectProperty<>(ReplayStrategy.BUDGET_FORCING);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.SHOWN);
    private final StringProperty budgets = new SimpleStringProperty("16, 32, 64, 128");
    private final IntegerProperty extensions = new SimpleIntegerProperty(0);
    private final StringProperty waitWord = new SimpleStringProperty("Wait");
    private final StringProperty answerPrompt = new SimpleStringProperty("Final Answer:");
    private final IntegerProperty samples = new SimpleIntegerProperty(1);
    private final IntegerProperty rounds = new SimpleIntegerProperty(3);
    private final DoubleProperty temperature = new SimpleDoubleProperty(0.8);
    private final IntegerProperty seed = new SimpleIntegerProperty(0);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(4);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<BranchPoint> branchPoint = new SimpleObjectProperty<>();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> liveUnits = FXCollections.observableArrayList();
    private final ObjectProperty<String> watched = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper liveText = new ReadOnlyStringWrapper("");
    private final BooleanProperty followLatest = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problemsSummary = new ReadOnlyStringWrapper("");

    private Consumer<List<Long>> onFinished = ids -> {
    };
    private TaskHandle current;
    private long shownVersion = -1;
    private ModelBackend loaded;
    private ModelConnection loadedFor;
    private int loadedParallel;

    public ReplayViewModel(TaskRunner tasks, WorkspaceSession session, AppSettings settings, Path modelsDir,
                           Path replaysDir, ObjectProperty<RunSummary> run, ObservableList<ProblemRow> shownProblems,
                           ObjectProperty<ProblemRow> selectedProblem) {
        this.tasks = tasks;
        this.session = session;
        this.settings = settings;
        this.modelsDir = modelsDir;
        this.replaysDir = replaysDir;
        this.run = run;
        this.shownProblems = shownProblems;
        this.selectedProblem = selectedProblem;
        fillConnections();
        settings.property().addListener((observable, before, now) -> fillConnections());
        Runnable summarise = () -> problemsSummary.set(describeProblems());
        scope.addListener((o, b, n) -> summarise.run());
        strategy.addListener((o, b, n) -> summarise.run());
        strategy.addListener((o, before, now) -> {
            // Only budget forcing sweeps budgets; elsewhere a list left from a sweep would cap at its first value unseen.
            if (now != ReplayStrategy.BUDGET_FORCING && parsesToSeveral(budgets.get())) {
                budgets.set("");
            }
        });
        branchPoint.addListener((o, b, n) -> summarise.run());
        shownProblems.addListener((javafx.collections.ListChangeListener<ProblemRow>) change -> summarise.run());
        selectedProblem.addListener((o, b, n) -> summarise.run());
        run.addListener((o, b, n) -> summarise.run());
        watched.addListener((o, b, n) -> liveText.set(n == null ? "" : live.textOf(n)));
        summarise.run();
    }

    private void fillConnections() {
        ModelConnection chosen = connection.get();
        List<ModelConnection> all = new ArrayList<>();
        all.add(ModelConnection.tinyReasoner());
        all.addAll(settings.get().connections());
        connections.setAll(all);
        connection.set(chosen == null ? all.get(0)
                : all.stream().filter(c -> c.name().equals(chosen.name())).findFirst().orElse(all.get(0)));
    }

    public ObservableList<ModelConnection> connections() {
        return connections;
    }

    public ObjectProperty<ModelConnection> connectionProperty() {
        return connection;
    }

    public ObjectProperty<ReplayStrategy> strategyProperty() {
        return strategy;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** Thinking budgets as typed: numbers separated by commas or spaces. */
    public StringProperty budgetsProperty() {
        return budgets;
    }

    public IntegerProperty extensionsProperty() {
        return extensions;
    }

    /** The word appended to extend thinking (s1: "Wait"). */
    public StringProperty waitWordProperty() {
        return waitWord;
    }

    /** What follows a thinking closed by the budget (s1: "Final Answer:"). */
    public StringProperty answerPromptProperty() {
        return answerPrompt;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public IntegerProperty roundsProperty() {
        return rounds;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    /** The new run's name; blank for one made from the strategy and the run replayed. */
    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<BranchPoint> branchPointProperty() {
        return branchPoint;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The replay's progress in [0, 1]; -1 while it does not know yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Replaying: X of Y samples, N tokens/s, about T left", or how the last replay ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The samples streaming now or lately, by their unit in the replay (problem, budget, sample, round). */
    public ObservableList<String> liveUnits() {
        return liveUnits;
    }

    /** The sample whose text {@link #liveTextProperty()} shows. */
    public ObjectProperty<String> watchedProperty() {
        return watched;
    }

    /** Whether the watched sample moves to each newly started one. */
    public BooleanProperty followLatestProperty() {
        return followLatest;
    }

    public ReadOnlyStringProperty liveTextProperty() {
        return liveText.getReadOnlyProperty();
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
        branchPoint.set(new BranchPoint(sampleId, position, description));
        strategy.set(ReplayStrategy.BRANCH);
        if (samples.get() < 2) {
            samples.set(4);
        }
    }

    /** Saves a connection (replacing one of the same name) and chooses it. */
    public void saveConnection(ModelConnection saved) {
        settings.update(current -> current.withConnection(saved));
        connection.set(connections.stream().filter(c -> c.name().equals(saved.name())).findFirst().orElse(saved));
    }

    /**
     * Test Connection: lists a server's models, or loads a GGUF file, in the background; {@code answer} hears
     * what happened in words.
     */
    public void testConnection(ModelConnection candidate, Consumer<String> answer) {
        tasks.submit("Test " + candidate.name(), context -> {
            try (ModelBackend backend = candidate.open(modelsDir, 1)) {
                OpenAiCompatible server = OpenAiCompatible.behind(backend);
                if (server != null) {
                    List<String> models = server.listModels();
                    return "The server answers. Its models: " + (models.isEmpty() ? "none listed" : String.join(", ", models))
                            + (models.isEmpty() || models.contains(candidate.model()) ? ""
                            : ". It does not list '" + candidate.model() + "'.");
                }
                return "Loaded " + backend.modelName() + ": \"Wait\" is " + backend.countTokens("Wait") + " token(s).";
            }
        }, answer, error -> answer.accept("Failed: " + error.getMessage()));
    }

    public void deleteConnection(ModelConnection gone) {
        if (!ModelConnection.TINY_NAME.equals(gone.name())) {
            settings.update(current -> current.withoutConnection(gone.name()));
        }
    }

    /** Copies what the sample threads wrote into the screen's properties; the view calls it a few times a second. */
    public void poll() {
        LiveTraces.Snapshot now = live.snapshot();
        if (now.version() == shownVersion) {
            return;
        }
        shownVersion = now.version();
        if (!now.units().equals(liveUnits)) {
            liveUnits.setAll(now.units());
        }
        if (running.get()) {
            progress.set(now.progress());
            message.set(now.message());
        }
        String latest = now.units().isEmpty() ? null : now.units().get(now.units().size() - 1);
        if (followLatest.get() && latest != null && !latest.equals(watched.get())) {
            watched.set(latest);
        } else if (watched.get() != null) {
            liveText.set(live.textOf(watched.get()));
        }
    }

    private String describeProblems() {
        if (strategy.get() == ReplayStrategy.BRANCH) {
            BranchPoint point = branchPoint.get();
            return point == null ? "Choose \"Branch from Here\" on a trace in the inspector (right-click the text)."
                    : "Branches of " + point.description() + " from character " + point.position();
        }
        RunSummary summary = run.get();
        if (summary == null) {
            return "Choose a run whose problems to replay.";
        }
        return switch (scope.get()) {
            case SHOWN -> shownProblems.size() + " problem" + (shownProblems.size() == 1 ? "" : "s") + " of "
                    + summary.run().name() + ", as the Problems tab's filter shows them";
            case SELECTED -> selectedProblem.get() == null ? "No problem selected in the Problems tab."
                    : "Problem " + selectedProblem.get().key() + " of " + summary.run().name();
        };
    }

    /** Starts the replay; a notice says what is missing or wrong instead. */
    public void start() {
        if (running.get()) {
            return;
        }
        Workspace workspace = session.workspace();
        RunSummary summary = run.get();
        ReplayStrategy chosen = strategy.get();
        BranchPoint point = branchPoint.get();
        List<Long> problemIds = new ArrayList<>();
        if (chosen != ReplayStrategy.BRANCH) {
            if (scope.get() == Scope.SELECTED && selectedProblem.get() != null) {
                problemIds.add(selectedProblem.get().problemId());
            } else if (scope.get() == Scope.SHOWN) {
                shownProblems.forEach(row -> problemIds.add(row.problemId()));
            }
        }
        List<Integer> budgetList;
        try {
            budgetList = parseBudgets(budgets.get());
            // Checked here, before any work, so that a wrong setting is said at once.
            request(chosen, summary == null ? null : summary.run(), List.of(new Problem(0, "check", null, "?", null, null)),
                    budgetList, null);
            if (workspace == null || (chosen == ReplayStrategy.BRANCH ? point == null
                    : summary == null || problemIds.isEmpty())) {
                throw new IllegalArgumentException(describeProblems());
            }
        } catch (IllegalArgumentException e) {
            notice.set(Notice.info("Cannot start the replay", e.getMessage()));
            return;
        }
        ModelConnection model = connection.get();
        int parallel = concurrency.get();
        Run original = summary == null ? null : summary.run();
        live.clear();
        liveUnits.clear();
        watched.set(null);
        liveText.set("");
        running.set(true);
        progress.set(-1);
        message.set("Loading " + model.name() + " …");
        current = tasks.submit("Replay with " + model.name(), context -> {
            List<Problem> problems = chosen == ReplayStrategy.BRANCH ? List.of()
                    : workspace.read(tables -> tables.problems().byIds(problemIds.stream().mapToLong(Long::longValue).toArray()));
            BranchOrigin origin = chosen == ReplayStrategy.BRANCH ? origin(workspace, point, model) : null;
            ReplayRequest request = request(chosen, original, problems, budgetList, origin);
            ModelBackend backend = backend(model, parallel);
            return new WorkspaceReplay(workspace, replaysDir,
                    Graders.byName(settings.get().preferences().defaultGrader()).orElse(Graders.MATH))
                    .run(request, backend, model.promptTemplate(), live, live.recording(context));
        }, new TaskListener<WorkspaceReplay.Outcome>() {
            @Override
            public void succeeded(WorkspaceReplay.Outcome outcome) {
                finish("Replay finished: " + outcome.samplesRun() + " samples generated, " + outcome.runIds().size()
                        + (outcome.runIds().size() == 1 ? " run" : " runs") + " added.", 1);
                session.changed();
                onFinished.accept(outcome.runIds());
            }

            @Override
            public void failed(Throwable error) {
                finish("Replay failed: " + error.getMessage(), 0);
                notice.set(Notice.error("Replay failed", error));
            }

            @Override
            public void cancelled() {
                finish("Replay cancelled. The finished samples are kept: Start the same replay again to resume it.", 0);
            }
        });
    }

    private void finish(String text, double done) {
        poll();
        running.set(false);
        progress.set(done);
        message.set(text);
        current = null;
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
            message.set("Cancelling: the running samples stop, the finished ones stay …");
        }
    }

    private ReplayRequest request(ReplayStrategy chosen, Run original, List<Problem> problems, List<Integer> budgetList,
                                  BranchOrigin origin) {
        List<Integer> runBudgets = budgetList;
        String runName = name.get() == null || name.get().isBlank() ? defaultName(chosen, original, runBudgets)
                : name.get().strip();
        if (waitWord.get() == null || waitWord.get().isBlank()) {
            throw new IllegalArgumentException("The wait word is empty; s1 uses \"Wait\".");
        }
        BudgetForcing.Params forcing = new BudgetForcing.Params(0, extensions.get(), waitWord.get(), 0,
                answerPrompt.get() == null ? "" : answerPrompt.get(), 256, 2048);
        return new ReplayRequest(runName, chosen, problems, runBudgets, samples.get(),
                chosen == ReplayStrategy.MULTI_ROUND ? rounds.get() : 1, forcing, temperature.get(), 1.0, seed.get(),
                concurrency.get(), origin, original, false);
    }

    private String defaultName(ReplayStrategy chosen, Run original, List<Integer> runBudgets) {
        String what = chosen.describe(samples.get(), rounds.get(), runBudgets.size());
        return Character.toUpperCase(what.charAt(0)) + what.substring(1)
                + (original == null ? "" : " of " + original.name());
    }

    private static boolean parsesToSeveral(String text) {
        try {
            return parseBudgets(text).size() > 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<Integer> parseBudgets(String text) {
        List<Integer> parsed = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                parsed.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Thinking budgets are whole numbers of tokens, like 16, 32, 64; '"
                        + part + "' is not one.");
            }
        }
        return parsed;
    }

    private static BranchOrigin origin(Workspace workspace, BranchPoint point, ModelConnection model) {
        return workspace.read(tables -> {
            Sample sample = tables.samples().find(point.sampleId()).orElseThrow(() ->
                    new IllegalArgumentException("The sample to branch from is no longer in the workspace."));
            Problem problem = tables.problems().byIds(new long[]{sample.problemId()}).get(0);
            return BranchOrigin.of(problem, sample, tables.samples().segments(sample.id()), point.position(),
                    model.promptTemplate().thinkEnd(), point.description());
        });
    }

    /** The loaded model when it is the one asked for, else the asked one loaded (the previous one closed). */
    private synchronized ModelBackend backend(ModelConnection model, int parallel) throws ReplayException {
        if (loaded != null && model.equals(loadedFor) && parallel <= loadedParallel) {
            return loaded;
        }
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
        loaded = model.open(modelsDir, parallel);
        loadedFor = model;
        loadedParallel = parallel;
        return loaded;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.cancel();
        }
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
