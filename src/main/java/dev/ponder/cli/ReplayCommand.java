package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.replay.BranchOrigin;
import dev.ponder.core.replay.BudgetForcing;
import dev.ponder.core.replay.ModelBackend;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.ProblemsFile;
import dev.ponder.core.replay.PromptTemplate;
import dev.ponder.core.replay.ReplayException;
import dev.ponder.core.replay.ReplayRequest;
import dev.ponder.core.replay.ReplayRunner;
import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.replay.WorkspaceReplay;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.store.ProblemRepository;
import dev.ponder.core.store.RunRepository;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code ponder replay}: a strategy run against a model on a run's problems (or a problems file), headless. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay problems against a model with a test-time strategy; each run made is imported, "
                + "with its provenance, and linked to the run replayed.",
                "The model is the built-in tiny reasoner unless --model, --server or --connection names another.",
                "Each finished sample is kept at once: run the same command again to resume a stopped replay."})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
            description = "The run whose problems to replay (id or exact name); or use --problems-file.")
    private String run;

    @Option(names = "--problems-file", paramLabel = "FILE",
            description = "JSON Lines of {key, question, gold[, dataset]} to replay instead of a run's problems.")
    private Path problemsFile;

    @Option(names = "--problem", paramLabel = "KEY", description = "Only these problems (repeat the option).")
    private List<String> problemKeys = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N problems.")
    private Integer limit;

    @Option(names = {"-s", "--strategy"}, paramLabel = "S", defaultValue = "budget-forcing",
            description = "sampling, budget-forcing, multi-round, first-finish or branch (default: ${DEFAULT-VALUE}).")
    private String strategy;

    @Option(names = {"-b", "--budgets"}, split = ",", paramLabel = "B",
            description = "Thinking budgets in tokens, comma-separated; several make a budget sweep.")
    private List<Integer> budgets = new ArrayList<>();

    @Option(names = "--server-budget", description = {"Let the server cap the thinking (vLLM's thinking_token_budget) "
            + "instead of Ponder's budget forcing; needs --server or a server connection."})
    private boolean serverBudget;

    @Option(names = "--extensions", paramLabel = "K", defaultValue = "0",
            description = "Replace an early end of thinking with the wait word K times (default: 0).")
    private int extensions;

    @Option(names = "--wait-word", defaultValue = "Wait", description = "The word appended to extend thinking.")
    private String waitWord;

    @Option(names = "--min-thinking", paramLabel = "T", defaultValue = "0",
            description = "Keep extending until thinking is T tokens long (default: 0, off).")
    private int minThinking;

    @Option(names = "--answer-prompt", defaultValue = "Final Answer:",
            description = "Appended when the budget closes the thinking (default: ${DEFAULT-VALUE}).")
    private String answerPrompt;

    @Option(names = "--max-thinking-tokens", defaultValue = "2048", description = "Limit of uncapped thinking.")
    private int maxThinking;

    @Option(names = "--max-answer-tokens", defaultValue = "256", description = "Limit of the answer after thinking.")
    private int maxAnswer;

    @Option(names = {"-n", "--samples"}, defaultValue = "1",
            description = "Samples per problem (launched ones for first-finish, branches for branch).")
    private int samples;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of multi-round thinking (default: 3).")
    private int rounds;

    @Option(names = "--temperature", defaultValue = "0.8") private double temperature;
    @Option(names = "--top-p", defaultValue = "1.0") private double topP;
    @Option(names = "--seed", defaultValue = "0", description = "Sample i of problem P is drawn with a seed from SHA-256(seed/P) + i.")
    private long seed;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "4", description = "Samples generated at a time.")
    private int concurrency;

    @Option(names = "--branch-sample", paramLabel = "S",
            description = {"For branch: the sample to branch from: its id, PROBLEM_KEY#INDEX of RUN, or a PROBLEM_KEY of RUN",
                    "(its first sample holding the --before phrase)."})
    private String branchSample;

    @Option(names = "--at", paramLabel = "CHAR", description = "For branch: the character position to branch at.")
    private Integer branchAt;

    @Option(names = "--before", paramLabel = "PHRASE",
            description = "For branch: branch just before the first PHRASE in the trace (e.g. Wait).")
    private String branchBefore;

    @Option(names = "--model", paramLabel = "GGUF", description = "A GGUF model file run in-process.")
    private Path gguf;

    @Option(names = "--server", paramLabel = "URL", description = "An OpenAI-compatible server, e.g. http://localhost:8000/v1.")
    private String server;

    @Option(names = "--server-model", paramLabel = "NAME", description = "The model's name on the server.")
    private String serverModel;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "The environment variable that holds the API key.")
    private String apiKeyEnv;

    @Option(names = "--chat", description = "Reach --server through /v1/chat/completions, continuing the assistant's "
            + "turn (for servers without raw completions: DeepSeek, OpenRouter).")
    private boolean chat;

    @Option(names = "--connection", paramLabel = "NAME", description = "A connection saved in Ponder's settings.")
    private String connectionName;

    @Option(names = "--template", defaultValue = "chatml", description = "chatml, deepseek-r1 or llama3.")
    private String template;

    @Option(names = "--template-turn", paramLabel = "TEXT",
            description = "A custom template: the raw prompt with {question} where the question goes (\\n for newlines).")
    private String templateTurn;

    @Option(names = "--think-start", defaultValue = "<think>", description = "A custom template's thinking start.")
    private String thinkStart;

    @Option(names = "--think-end", defaultValue = "</think>", description = "A custom template's thinking end.")
    private String thinkEnd;

    @Option(names = "--template-opens-thinking", description = "A custom template ends with the thinking start.")
    private boolean templateOpensThinking;

    @Option(names = "--end-of-turn", split = ",", paramLabel = "S",
            description = "A custom template's strings that end the assistant's turn (comma-separated).")
    private List<String> endOfTurn = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads for an in-process model (0: all).")
    private int threads;

    @Option(names = "--name", description = "The new run's name (default: from the strategy and model).")
    private String name;

    @Option(names = "--journal-dir", paramLabel = "DIR",
            description = "Where the replay journals go (default: replays/ in the Ponder folder).")
    private Path journalDir;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws ReplayException {
        ReplayStrategy chosen = parse(() -> ReplayStrategy.of(strategy));
        PonderHome home = PonderHome.resolve();
        ModelConnection connection = connection(home);
        try (Workspace workspace = Workspace.openOrCreate(workspaceOption.file())) {
            Run original = run == null ? null : RunSelector.find(workspace, run).run();
            BranchOrigin origin = chosen == ReplayStrategy.BRANCH ? origin(workspace, original, connection) : null;
            List<Problem> problems = origin != null ? List.of() : problems(workspace, original);
            ReplayRequest request = parse(() -> new ReplayRequest(name(chosen, connection), chosen, problems, budgets,
                    samples, chosen == ReplayStrategy.MULTI_ROUND ? rounds : 1,
                    new BudgetForcing.Params(0, extensions, waitWord, minThinking, answerPrompt, maxAnswer, maxThinking),
                    temperature, topP, seed, concurrency, origin, original, serverBudget));
            long start = System.nanoTime();
            WorkspaceReplay.Outcome outcome;
            PromptTemplate prompts = templateTurn == null ? connection.promptTemplate()
                    : parse(() -> new PromptTemplate("custom", templateTurn.replace("\\n", "\n"), thinkStart, thinkEnd,
                    templateOpensThinking, endOfTurn));
            try (ModelBackend model = connection.open(home.modelsDir(), concurrency, prompts)) {
                outcome = new WorkspaceReplay(workspace, journalDir != null ? journalDir : home.replaysDir(),
                        Graders.MATH).run(request, model, prompts, ReplayRunner.LiveText.NONE,
                        ConsoleProgress.on(spec.commandLine().getErr(), json));
            }
            report(workspace, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
        return 0;
    }

    private ModelConnection connection(PonderHome home) {
        if (connectionName != null) {
            return new SettingsStore(home.settingsFile()).load().connections().stream()
                    .filter(c -> c.name().equals(connectionName)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "No connection named '"
                            + connectionName + "' in " + home.settingsFile() + "; save one in Ponder's replay panel."));
        }
        if (server != null) {
            if (serverModel == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--server needs --server-model NAME");
            }
            return parse(() -> ModelConnection.server("server", server, serverModel, apiKeyEnv, template).withChat(chat));
        }
        if (gguf != null) {
            return parse(() -> ModelConnection.embedded(String.valueOf(gguf.getFileName()), gguf.toString(), template,
                    threads, 4096));
        }
        return parse(() -> ModelConnection.embedded(ModelConnection.TINY_NAME, null, template, threads, 4096));
    }

    private List<Problem> problems(Workspace workspace, Run original) throws ReplayException {
        List<Problem> all;
        if (problemsFile != null) {
            all = ProblemsFile.read(problemsFile);
        } else if (original != null) {
            all = workspace.read(tables -> tables.problems().ofRun(original.id()));
        } else {
            throw new CommandLine.ParameterException(spec.commandLine(), "Name a RUN or a --problems-file to replay.");
        }
        if (!problemKeys.isEmpty()) {
            Set<String> wanted = Set.copyOf(problemKeys);
            all = all.stream().filter(p -> wanted.contains(p.key())).toList();
            if (all.size() < wanted.size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), (wanted.size() - all.size())
                        + " of the --problem keys are not among the problems to replay");
            }
        }
        return limit == null ? all : all.subList(0, Math.min(limit, all.size()));
    }

    private BranchOrigin origin(Workspace workspace, Run original, ModelConnection connection) {
        if (branchSample == null || (branchAt == null) == (branchBefore == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "branch needs --branch-sample and one of --at CHAR or --before PHRASE");
        }
        return workspace.read(tables -> {
            SampleRepository samples = tables.samples();
            Sample sample = findSample(workspace, samples, tables.problems(), original);
            Problem problem = tables.problems().byIds(new long[]{sample.problemId()}).get(0);
            int position = branchAt != null ? branchAt : sample.text().indexOf(branchBefore);
            if (position < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Sample " + sample.id() + " has no \""
                        + branchBefore + "\" to branch before.");
            }
            String runName = tables.runs().find(sample.runId()).map(Run::name).orElse("run " + sample.runId());
            List<Segment> segments = samples.segments(sample.id());
            return parse(() -> BranchOrigin.of(problem, sample, segments, position,
                    connection.promptTemplate().thinkEnd(),
                    runName + ", sample " + sample.index() + " of " + problem.key()));
        });
    }

    private Sample findSample(Workspace workspace, SampleRepository samples, ProblemRepository problems, Run original)
            throws Exception {
        int hash = branchSample.lastIndexOf('#');
        if (hash < 0 && !branchSample.matches("\\d+")) {
            if (original == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "a problem key needs the RUN it is in");
            }
            Problem problem = problems.findByKey(branchSample).orElseThrow(() -> new WorkspaceException(
                    WorkspaceException.Reason.NOT_FOUND, workspace.file(), "There is no problem " + branchSample));
            return samples.ofProblem(original.id(), problem.id()).stream()
                    .filter(s -> branchBefore == null || s.text().contains(branchBefore)).findFirst()
                    .orElseThrow(() -> new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, workspace.file(),
                            "No sample of " + branchSample + " in " + original.name()
                                    + (branchBefore == null ? "" : " has \"" + branchBefore + "\"")));
        }
        if (hash < 0) {
            long id;
            try {
                id = Long.parseLong(branchSample);
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--branch-sample is a sample id or PROBLEM_KEY#INDEX, not '" + branchSample + "'");
            }
            return samples.find(id).orElseThrow(() -> new WorkspaceException(WorkspaceException.Reason.NOT_FOUND,
                    workspace.file(), "There is no sample " + id));
        }
        if (original == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "PROBLEM_KEY#INDEX needs the RUN it is in");
        }
        String key = branchSample.substring(0, hash);
        int index = Integer.parseInt(branchSample.substring(hash + 1));
        Problem problem = problems.findByKey(key).orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.NOT_FOUND, workspace.file(), "There is no problem " + key));
        return samples.ofProblem(original.id(), problem.id()).stream().filter(s -> s.index() == index).findFirst()
                .orElseThrow(() -> new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, workspace.file(),
                        original.name() + " has no sample " + index + " of " + key));
    }

    private String name(ReplayStrategy chosen, ModelConnection connection) {
        if (name != null) {
            return name;
        }
        String model = connection.kind() == ModelConnection.Kind.EMBEDDED
                ? (connection.gguf() == null ? "tiny-reasoner" : Path.of(connection.gguf()).getFileName().toString())
                : connection.model();
        String what = chosen.describe(samples, rounds, budgets.size());
        return what + (run != null ? " of " + run : "") + " (" + model + ")";
    }

    private void report(Workspace workspace, WorkspaceReplay.Outcome outcome, Duration elapsed) {
        PrintWriter out = spec.commandLine().getOut();
        List<Run> runs = workspace.read(tables -> {
            List<Run> found = new ArrayList<>();
            for (long id : outcome.runIds()) {
                tables.runs().find(id).ifPresent(found::add);
            }
            return found;
        });
        if (json) {
            ObjectNode root = JsonOutput.object().put("samples_generated", outcome.samplesRun())
                    .put("seconds", elapsed.toMillis() / 1000.0);
            ArrayNode list = root.putArray("runs");
            for (int i = 0; i < runs.size(); i++) {
                list.addObject().put("id", runs.get(i).id()).put("name", runs.get(i).name())
                        .put("journal", outcome.journals().get(i).toString());
            }
            JsonOutput.print(out, root);
            return;
        }
        out.printf("Generated %,d samples in %.1f s.%n", outcome.samplesRun(), elapsed.toMillis() / 1000.0);
        for (int i = 0; i < runs.size(); i++) {
            out.printf("Run %d \"%s\" (journal %s)%n", runs.get(i).id(), runs.get(i).name(), outcome.journals().get(i));
        }
        out.flush();
    }

    private <T> T parse(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
