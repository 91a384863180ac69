package dev.ponder.core.replay;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one replay strategy over its problems, {@code concurrency} samples at a time, keeping every finished
 * sample in the journal at once and skipping what the journal already holds, so that a replay stopped by
 * Cancel, a crash or a lost connection resumes where it stopped. Reports samples done, tokens/s and the time
 * left; Cancel stops the running samples, which are not kept.
 */
public final class ReplayRunner {

    /**
     * What to run.
     *
     * @param samples per problem: samples drawn (sample i with seed
     *                {@link ParallelSampling#problemSeed problemSeed(sampling.seed(), key)} + i), sample chains of
     *                multi-round thinking, samples launched by First Finish Search, or branches
     * @param forcing how each sample thinks: a budget of 0 for uncapped, else budget forcing
     * @param rounds  rounds of multi-round thinking (1 for other strategies)
     * @param origin  the trace and position to branch from ({@link ReplayStrategy#BRANCH} only)
     * @param serverBudget whether the server caps the thinking itself ({@link NativeThinkingBudget}) instead of
     *                     Ponder's budget forcing
     */
    public record Plan(
            ReplayStrategy strategy,
            List<Problem> problems,
            int samples,
            BudgetForcing.Params forcing,
            GenerationRequest sampling,
            int rounds,
            int concurrency,
            BranchOrigin origin,
            boolean serverBudget) {
        public Plan {
            problems = List.copyOf(problems);
            if (samples < 1 || concurrency < 1 || rounds < 1) {
                throw new IllegalArgumentException("samples, rounds and concurrency must be at least 1");
            }
            if ((strategy == ReplayStrategy.BRANCH) != (origin != null)) {
                throw new IllegalArgumentException("a branch replay, and only a branch replay, needs an origin");
            }
            if (strategy == ReplayStrategy.BRANCH) {
                problems = List.of(origin.problem());
            }
        }

        /** Samples (or budget-forced samples) of each problem. */
        public static Plan sampling(
                List<Problem> problems,
                int samples,
                BudgetForcing.Params forcing,
                GenerationRequest sampling,
                int concurrency) {
            return new Plan(
                    forcing.budget() > 0 ? ReplayStrategy.BUDGET_FORCING : ReplayStrategy.SAMPLING,
                    problems,
                    samples,
                    forcing,
                    sampling,
                    1,
                    concurrency,
                    null,
                    false);
        }

        /** How many samples the finished replay holds. */
        public int units() {
            return switch (strategy) {
                case MULTI_ROUND -> problems.size() * samples * rounds;
                case FIRST_FINISH -> problems.size();
                case BRANCH -> samples + 1;
                default -> problems.size() * samples;
            };
        }

        Integer budget() {
            return forcing.budget() > 0 ? forcing.budget() : null;
        }
    }

    private final ModelBackend model;
    private final PromptTemplate template;

    public ReplayRunner(ModelBackend model, PromptTemplate template) {
        this.model = model;
        this.template = template;
    }

    /** The unit name a sample has in the journal. */
    public static String unit(Problem problem, Integer budget, int sample) {
        return problem.key() + (budget == null ? "" : "/b" + budget) + "/s" + sample;
    }

    /** What one call finished, and the pieces of work that failed (each after its back-end's retries), with why. */
    public record Ran(int finished, List<String> failures) {
        public Ran {
            failures = List.copyOf(failures);
        }
    }

    /** Runs what the journal lacks. */
    public Ran run(Plan plan, ReplayJournal journal, LiveText live, TaskContext context) throws ReplayException {
        return run(plan, journal, live, context, new ReplayProgress(context, journal.doneCount(), plan.units()));
    }

    /**
     * The same, counting into {@code progress}, which may span several runs (a budget sweep). A sample that fails
     * costs only itself: the others go on, and running the replay again runs the failed ones only.
     */
    public Ran run(Plan plan, ReplayJournal journal, LiveText live, TaskContext context, ReplayProgress progress)
            throws ReplayException {
        if (plan.serverBudget() && OpenAiCompatible.behind(model) == null) {
            throw new ReplayException("A thinking budget the server enforces needs an OpenAI-compatible server (vLLM's "
                    + "thinking_token_budget); " + model.backendName() + " is not one. Use Ponder's budget forcing.");
        }
        Run run = new Run(plan, journal, live, context, progress);
        try (SampleWorkers workers = new SampleWorkers(
                plan.strategy() == ReplayStrategy.FIRST_FINISH
                        ? Math.max(1, plan.concurrency() / plan.samples())
                        : plan.concurrency(),
                "replay")) {
            run.submitAll(workers);
            List<SampleWorkers.Failure> failed = workers.awaitAll();
            context.checkCancelled();
            return new Ran(
                    run.ran,
                    failed.stream().map(f -> f.unit() + ": " + f.reason()).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        }
    }

    /** One call of {@link #run}: the plan's work items, each writing its samples to the journal. */
    private final class Run {
        private final Plan plan;
        private final ReplayJournal journal;
        private final LiveText live;
        private final TaskContext context;
        private final BudgetForcing forcing;
        private final Thinker thinker;
        private final ReplayProgress progress;
        private int ran;

        Run(Plan plan, ReplayJournal journal, LiveText live, TaskContext context, ReplayProgress progress) {
            this.plan = plan;
            this.journal = journal;
            this.live = live;
            this.context = context;
            this.forcing = new BudgetForcing(model, template, plan.forcing());
            this.thinker = plan.serverBudget()
                    ? new NativeThinkingBudget(OpenAiCompatible.behind(model), template, plan.forcing())::run
                    : forcing::run;
            this.progress = progress;
        }

        void submitAll(SampleWorkers workers) throws ReplayException {
            if (plan.strategy() == ReplayStrategy.BRANCH) {
                keepOrigin();
            }
            for (Problem problem : plan.problems()) {
                if (plan.strategy() == ReplayStrategy.FIRST_FINISH) {
                    String unit = unit(problem, plan.budget(), 0) + "/ffs";
                    if (!journal.isDone(unit)) {
                        workers.submit(unit, () -> firstFinish(problem, unit));
                    }
                    continue;
                }
                for (int i = 0; i < plan.samples(); i++) {
                    int index = i;
                    switch (plan.strategy()) {
                        case MULTI_ROUND -> {
                            if (!journal.isDone(roundUnit(problem, index, plan.rounds()))) {
                                workers.submit(
                                        unit(problem, plan.budget(), index) + "/rounds", () -> rounds(problem, index));
                            }
                        }
                        case BRANCH -> {
                            String unit = problem.key() + "/branch/s" + i;
                            if (!journal.isDone(unit)) {
                                workers.submit(unit, () -> branch(unit, index));
                            }
                        }
                        default -> {
                            String unit = unit(problem, plan.budget(), i);
                            if (!journal.isDone(unit)) {
                                workers.submit(unit, () -> one(problem, unit, index));
                            }
                        }
                    }
                }
            }
        }

        private Void one(Problem problem, String unit, int index) throws ReplayException {
            GenerationRequest sampling =
                    ParallelSampling.forSample(ParallelSampling.forProblem(plan.sampling(), problem.key()), index);
            ReplayedTrace t = thinker.run(problem.question(), sampling, piece -> live.text(unit, piece), this::stopped);
            keep(problem, new ReplayJournal.Entry(unit, null, index, 0, plan.budget(), sampling.seed(), t));
            return null;
        }

        private Void rounds(Problem problem, int index) throws ReplayException {
            String asked = problem.question();
            GenerationRequest sampling =
                    ParallelSampling.forSample(ParallelSampling.forProblem(plan.sampling(), problem.key()), index);
            for (int r = 1; r <= plan.rounds(); r++) {
                String unit = roundUnit(problem, index, r);
                String parent = r == 1 ? null : roundUnit(problem, index, r - 1);
                String answered = journal.answerOf(unit);
                if (answered == null) {
                    ReplayedTrace t = thinker.run(asked, sampling, piece -> live.text(unit, piece), this::stopped);
                    if (!keep(
                            problem,
                            new ReplayJournal.Entry(
                                    unit,
                                    parent,
                                    index,
                                    r,
                                    plan.budget(),
                                    sampling.seed(),
                                    t,
                                    r == 1 ? Map.of() : Map.of("asked", asked)))) {
                        return null;
                    }
                    answered = t.answer();
                }
                asked = MultiRoundThinking.nextRoundQuestion(problem.question(), answered.strip());
            }
            return null;
        }

        private String roundUnit(Problem problem, int index, int round) {
            return unit(problem, plan.budget(), index) + "/r" + round;
        }

        private Void firstFinish(Problem problem, String unit) throws ReplayException {
            ParallelSampling sampling = new ParallelSampling(model, template, plan.forcing());
            GenerationRequest base = ParallelSampling.forProblem(plan.sampling(), problem.key());
            ParallelSampling.Outcome outcome = sampling.firstFinish(
                    problem.question(),
                    plan.samples(),
                    base,
                    index -> piece -> live.text(unit + "/" + index, piece),
                    this::stopped);
            if (outcome.first() < 0) {
                return null; // cancelled, or none ended its turn: run again on resume
            }
            ReplayedTrace winner = outcome.all().get(outcome.first());
            keep(
                    problem,
                    new ReplayJournal.Entry(
                            unit,
                            null,
                            0,
                            0,
                            plan.budget(),
                            base.seed() + outcome.first(),
                            winner,
                            Map.of("launched", plan.samples(), "winner", outcome.first())));
            return null;
        }

        private void keepOrigin() throws ReplayException {
            BranchOrigin origin = plan.origin();
            String unit = origin.problem().key() + "/origin";
            if (!journal.isDone(unit)) {
                journal.append(
                        origin.problem(),
                        new ReplayJournal.Entry(
                                unit, null, 0, 0, null, 0, origin.trace(), Map.of("origin", origin.description())));
                progress.copied();
            }
        }

        private Void branch(String unit, int index) throws ReplayException {
            BranchOrigin origin = plan.origin();
            GenerationRequest sampling = ParallelSampling.forSample(
                    ParallelSampling.forProblem(
                            plan.sampling(), origin.problem().key()),
                    index);
            ReplayedTrace t = forcing.continueFrom(
                    origin.problem().question(),
                    origin.prefix(),
                    sampling,
                    piece -> live.text(unit, piece),
                    this::stopped);
            keep(
                    origin.problem(),
                    new ReplayJournal.Entry(
                            unit,
                            origin.problem().key() + "/origin",
                            index + 1,
                            0,
                            plan.budget(),
                            sampling.seed(),
                            withBranchPoint(t, origin.position()),
                            Map.of("branched_at", origin.position())));
            return null;
        }

        private ReplayedTrace withBranchPoint(ReplayedTrace t, int position) {
            List<Segment> segments = new ArrayList<>();
            segments.add(new Segment(0, SegmentKind.BRANCH_POINT, position, position, "branched here"));
            for (Segment s : t.segments()) {
                segments.add(new Segment(segments.size(), s.kind(), s.charStart(), s.charEnd(), s.detail()));
            }
            return new ReplayedTrace(
                    t.text(),
                    t.thinkStart(),
                    t.thinkEnd(),
                    t.answerStart(),
                    segments,
                    t.tokensTotal(),
                    t.tokensThinking(),
                    t.finish());
        }

        /** Keeps a finished sample; false for a cancelled one, which is not kept (a resumed replay runs it again). */
        private boolean keep(Problem problem, ReplayJournal.Entry entry) throws ReplayException {
            if (entry.trace().finish() == FinishReason.CANCELLED) {
                return false;
            }
            journal.append(problem, entry);
            progress.sampleDone(entry.trace().tokensTotal());
            synchronized (this) {
                ran++;
            }
            return true;
        }

        private boolean stopped() {
            return context.isCancelled();
        }
    }

    /** One question answered with its thinking capped, by Ponder's budget forcing or by the server. */
    @FunctionalInterface
    private interface Thinker {
        ReplayedTrace run(
                String question,
                GenerationRequest sampling,
                ModelBackend.TextStream stream,
                java.util.function.BooleanSupplier cancelled)
                throws ReplayException;
    }
}
