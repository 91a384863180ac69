package dev.ponder.core.service;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.replay.BranchOrigin;
import dev.ponder.core.replay.LlamaNatives;
import dev.ponder.core.replay.ModelBackend;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.ProblemsFile;
import dev.ponder.core.replay.PromptTemplate;
import dev.ponder.core.replay.ReplayException;
import dev.ponder.core.replay.ReplayPreflight;
import dev.ponder.core.replay.ReplayRequest;
import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.replay.ServerProbe;
import dev.ponder.core.replay.ServerReport;
import dev.ponder.core.replay.WorkspaceReplay;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.Tables;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Replays a strategy against a model into the workspace: a {@link ReplayPlan} made into the replay's request (its
 * problems or branch point found, its name decided), the model loaded (and kept for the next replay), each run's
 * samples journalled as they finish and imported at the end. The same plan gives the same runs, with the same
 * provenance, from the window and from the command line; run again, it resumes.
 */
public final class ReplayService implements AutoCloseable {
    private final Workspace workspace;
    private final PonderHome home;
    private final ContentChanges changes;
    private ModelBackend loaded;
    private ModelConnection loadedFor;
    private PromptTemplate loadedWith;
    private int loadedParallel;

    ReplayService(Workspace workspace, PonderHome home, ContentChanges changes) {
        this.workspace = workspace;
        this.home = home;
        this.changes = changes;
        LlamaNatives.keepIn(home.nativesDir());
    }

    /**
     * What a replay made, and the samples that failed after their retries (unit and why): the runs hold the others,
     * and running the same replay again runs the failed ones only.
     */
    public record Outcome(List<Run> runs, List<Path> journals, int samplesRun, List<String> failures) {
        /** "2 of 40 samples failed: p3/s1: The server answered 500 ...; ..." (the first three reasons), or "". */
        public String failureSummary() {
            if (failures.isEmpty()) {
                return "";
            }
            int total = samplesRun + failures.size();
            return failures.size() + " of " + total + " samples failed: "
                    + String.join("; ", failures.subList(0, Math.min(3, failures.size())))
                    + (failures.size() > 3 ? "; …" : "")
                    + ". Run the same replay again to fill the gaps.";
        }
    }

    /** Says, before any work, what is wrong with the plan's settings; silent when they are right. */
    public void check(ReplayPlan plan, ModelConnection model) {
        request(plan, model, null, List.of(new Problem(0, "check", null, "?", null, null)), null);
    }

    /**
     * Runs the replay: one run per budget, imported into the workspace as it finishes and linked to the run it
     * replays. {@code template} replaces the model's prompt template when given; the journals go to
     * {@code journals}, else to Ponder's replay folder. A cancel keeps the finished samples for the next time.
     */
    public Outcome run(
            ReplayPlan plan,
            ModelConnection model,
            PromptTemplate template,
            String grader,
            Path journals,
            LiveText live,
            TaskContext context)
            throws ReplayException {
        PromptTemplate prompts = template != null ? template : model.promptTemplate();
        Run original = original(plan);
        BranchOrigin origin =
                plan.strategy() == ReplayStrategy.BRANCH ? origin(plan.branch(), original, prompts) : null;
        List<Problem> problems = origin != null ? List.of() : problems(plan.problems());
        ReplayRequest request = request(plan, model, original, problems, origin);
        ModelBackend backend = backend(model, plan.concurrency(), prompts);
        ReplayPreflight.check(request, backend);
        WorkspaceReplay.Outcome outcome;
        try {
            outcome = new WorkspaceReplay(
                            workspace,
                            journals != null ? journals : home.replaysDir(),
                            Graders.byName(grader).orElse(Graders.MATH))
                    .run(request, backend, prompts, live, context);
        } finally {
            changes.changed();
        }
        List<Run> runs = workspace.read(tables -> {
            List<Run> made = new java.util.ArrayList<>();
            for (long id : outcome.runIds()) {
                made.add(find(tables, id));
            }
            return made;
        });
        return new Outcome(runs, outcome.journals(), outcome.samplesRun(), outcome.failures());
    }

    /**
     * Test Connection: what a server is, its models and what it supports ({@link ServerProbe}), or a model file
     * loaded, in a few lines; loads nothing it keeps.
     */
    public static String testConnection(ModelConnection candidate, PonderHome home) throws ReplayException {
        List<ModelConnection> replicas = candidate.replicas();
        if (replicas.size() == 1) {
            return testOne(candidate, home);
        }
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < replicas.size(); i++) {
            report.append(i == 0 ? "" : "\n\n")
                    .append("Server ")
                    .append(i + 1)
                    .append(" of ")
                    .append(replicas.size())
                    .append(", ")
                    .append(replicas.get(i).baseUrl())
                    .append(":\n");
            try {
                report.append(testOne(replicas.get(i), home));
            } catch (ReplayException e) {
                report.append(e.getMessage())
                        .append(" A replay leaves it out while it fails and tries it again later.");
            }
        }
        return report.toString();
    }

    private static String testOne(ModelConnection candidate, PonderHome home) throws ReplayException {
        if (candidate.kind() == ModelConnection.Kind.OPENAI_COMPATIBLE) {
            ServerReport report = ServerProbe.probe(candidate.serverForCheck());
            List<String> models = report.models();
            return "The server answers."
                    + (models.isEmpty() || models.contains(candidate.model())
                            ? ""
                            : " It does not list '" + candidate.model() + "'.")
                    + "\n" + report.describe();
        }
        LlamaNatives.keepIn(home.nativesDir());
        try (ModelBackend backend = candidate.open(home.modelsDir(), 1)) {
            return "Loaded " + backend.modelName() + ": \"Wait\" is " + backend.countTokens("Wait") + " token(s).";
        }
    }

    private ReplayRequest request(
            ReplayPlan plan, ModelConnection model, Run original, List<Problem> problems, BranchOrigin origin) {
        String name = plan.name() == null || plan.name().isBlank()
                ? defaultName(plan, original, model)
                : plan.name().strip();
        return new ReplayRequest(
                name,
                plan.strategy(),
                problems,
                plan.budgets(),
                plan.samples(),
                plan.rounds(),
                plan.forcing(),
                plan.temperature(),
                plan.topP(),
                plan.seed(),
                plan.concurrency(),
                origin,
                original,
                plan.serverBudget());
    }

    /** "Budget sweep of run A (tiny-reasoner)": the strategy, the run replayed and the model. */
    private static String defaultName(ReplayPlan plan, Run original, ModelConnection model) {
        String what = plan.strategy()
                .describe(plan.samples(), plan.rounds(), plan.budgets().size());
        String modelName = model.kind() == ModelConnection.Kind.EMBEDDED
                ? (model.gguf() == null
                        ? "tiny-reasoner"
                        : Path.of(model.gguf()).getFileName().toString())
                : model.model();
        return Character.toUpperCase(what.charAt(0)) + what.substring(1)
                + (original == null ? "" : " of " + original.name()) + " (" + modelName + ")";
    }

    private Run original(ReplayPlan plan) {
        Long runId = plan.problems() == null ? null : plan.problems().runId();
        return runId == null ? null : workspace.read(tables -> find(tables, runId));
    }

    private Run find(Tables tables, long runId) throws Exception {
        return tables.runs()
                .find(runId)
                .orElseThrow(() -> new WorkspaceException(
                        WorkspaceException.Reason.NOT_FOUND,
                        workspace.file(),
                        "There is no run " + runId + " in " + workspace.file().getFileName() + "."));
    }

    private List<Problem> problems(ReplayPlan.Problems chosen) throws ReplayException {
        List<Problem> all;
        if (chosen == null || (chosen.file() == null && chosen.runId() == null)) {
            throw new IllegalArgumentException("Choose the problems to replay: a run's, or those of a problems file.");
        } else if (chosen.file() != null) {
            all = ProblemsFile.read(chosen.file());
        } else if (!chosen.ids().isEmpty()) {
            long[] ids = chosen.ids().stream().mapToLong(Long::longValue).toArray();
            all = workspace.read(tables -> tables.problems().byIds(ids));
        } else {
            all = workspace.read(tables -> tables.problems().ofRun(chosen.runId()));
        }
        if (!chosen.keys().isEmpty()) {
            Set<String> wanted = Set.copyOf(chosen.keys());
            all = all.stream().filter(p -> wanted.contains(p.key())).toList();
            if (all.size() < wanted.size()) {
                throw new IllegalArgumentException((wanted.size() - all.size())
                        + " of the problem keys given are not among the problems to replay");
            }
        }
        return chosen.limit() == null ? all : all.subList(0, Math.min(chosen.limit(), all.size()));
    }

    private BranchOrigin origin(ReplayPlan.Branch branch, Run original, PromptTemplate prompts) {
        if (branch == null) {
            throw new IllegalArgumentException(
                    "Choose the trace to branch from: \"Branch from Here\" on a trace in the "
                            + "inspector, or a sample and a position in it.");
        }
        return workspace.read(tables -> {
            Sample sample = branchSample(tables, branch, original);
            Problem problem =
                    tables.problems().byIds(new long[] {sample.problemId()}).get(0);
            int position = branch.at() != null ? branch.at() : sample.text().indexOf(branch.before());
            if (position < 0) {
                throw new IllegalArgumentException(
                        "Sample " + sample.id() + " has no \"" + branch.before() + "\" to branch before.");
            }
            String description = branch.description() != null
                    ? branch.description()
                    : tables.runs().find(sample.runId()).map(Run::name).orElse("run " + sample.runId()) + ", sample "
                            + sample.index() + " of " + problem.key();
            return BranchOrigin.of(
                    problem, sample, tables.samples().segments(sample.id()), position, prompts.thinkEnd(), description);
        });
    }

    /** The sample a branch names: an id, PROBLEM_KEY#INDEX, or a problem key (its first sample with the phrase). */
    private Sample branchSample(Tables tables, ReplayPlan.Branch branch, Run original) throws Exception {
        String named = branch.sample().strip();
        SampleRepository samples = tables.samples();
        if (named.matches("\\d+")) {
            long id = Long.parseLong(named);
            return samples.find(id).orElseThrow(() -> notFound("There is no sample " + id + "."));
        }
        if (original == null) {
            throw new IllegalArgumentException("A sample named by its problem needs the run it is in.");
        }
        int hash = named.lastIndexOf('#');
        String key = hash < 0 ? named : named.substring(0, hash);
        Problem problem =
                tables.problems().findByKey(key).orElseThrow(() -> notFound("There is no problem " + key + "."));
        List<Sample> ofProblem = samples.ofProblem(original.id(), problem.id());
        if (hash >= 0) {
            int index;
            try {
                index = Integer.parseInt(named.substring(hash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "A sample is named by its id or PROBLEM_KEY#INDEX, not '" + named + "'.");
            }
            return ofProblem.stream()
                    .filter(s -> s.index() == index)
                    .findFirst()
                    .orElseThrow(() -> notFound(original.name() + " has no sample " + index + " of " + key + "."));
        }
        return ofProblem.stream()
                .filter(s -> branch.before() == null || s.text().contains(branch.before()))
                .findFirst()
                .orElseThrow(() -> notFound("No sample of " + key + " in " + original.name()
                        + (branch.before() == null ? "" : " has \"" + branch.before() + "\"") + "."));
    }

    private WorkspaceException notFound(String message) {
        return new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, workspace.file(), message);
    }

    /** The loaded model when it is the one asked for, else the asked one loaded (the previous one closed). */
    private synchronized ModelBackend backend(ModelConnection model, int parallel, PromptTemplate prompts)
            throws ReplayException {
        if (loaded != null && model.equals(loadedFor) && prompts.equals(loadedWith) && parallel <= loadedParallel) {
            return loaded;
        }
        close();
        loaded = model.open(home.modelsDir(), parallel, prompts);
        loadedFor = model;
        loadedWith = prompts;
        loadedParallel = parallel;
        return loaded;
    }

    /** Lets go of the loaded model. */
    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
