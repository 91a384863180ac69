package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Run;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.PromptTemplate;
import dev.ponder.core.replay.ReplayException;
import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.service.Choices;
import dev.ponder.core.service.ReplayPlan;
import dev.ponder.core.service.ReplayService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.task.LiveText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder replay}: a strategy run against a model on a run's problems (or a problems file), headless. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replay problems against a model with a test-time strategy; each run made is imported, "
                    + "with its provenance, and linked to the run replayed.",
            "The model is the built-in tiny reasoner unless --model, --server or --connection names another.",
            "Each finished sample is kept at once: run the same command again to resume a stopped replay."
        })
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "RUN",
            description = "The run whose problems to replay (id or exact name); or use --problems-file.")
    private String run;

    @Option(
            names = "--problems-file",
            paramLabel = "FILE",
            description = "JSON Lines of {key, question, gold[, dataset]} to replay instead of a run's problems.")
    private Path problemsFile;

    @Option(names = "--problem", paramLabel = "KEY", description = "Only these problems (repeat the option).")
    private List<String> problemKeys = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N problems.")
    private Integer limit;

    @Option(
            names = {"-s", "--strategy"},
            paramLabel = "S",
            defaultValue = "budget-forcing",
            description = "sampling, budget-forcing, multi-round, first-finish or branch (default: ${DEFAULT-VALUE}).")
    private String strategy;

    @Option(
            names = {"-b", "--budgets"},
            split = ",",
            paramLabel = "B",
            description = "Thinking budgets in tokens, comma-separated; several make a budget sweep.")
    private List<Integer> budgets = new ArrayList<>();

    @Option(
            names = "--server-budget",
            description = {
                "Let the server cap the thinking (vLLM's thinking_token_budget) "
                        + "instead of Ponder's budget forcing; needs --server or a server connection."
            })
    private boolean serverBudget;

    @Option(
            names = "--extensions",
            paramLabel = "K",
            defaultValue = "0",
            description = "Replace an early end of thinking with the wait word K times (default: 0).")
    private int extensions;

    @Option(names = "--wait-word", defaultValue = "Wait", description = "The word appended to extend thinking.")
    private String waitWord;

    @Option(
            names = "--min-thinking",
            paramLabel = "T",
            defaultValue = "0",
            description = "Keep extending until thinking is T tokens long (default: 0, off).")
    private int minThinking;

    @Option(
            names = "--answer-prompt",
            defaultValue = "Final Answer:",
            description = "Appended when the budget closes the thinking (default: ${DEFAULT-VALUE}).")
    private String answerPrompt;

    @Option(names = "--max-thinking-tokens", defaultValue = "2048", description = "Limit of uncapped thinking.")
    private int maxThinking;

    @Option(names = "--max-answer-tokens", defaultValue = "256", description = "Limit of the answer after thinking.")
    private int maxAnswer;

    @Option(
            names = {"-n", "--samples"},
            defaultValue = "1",
            description = "Samples per problem (launched ones for first-finish, branches for branch).")
    private int samples;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of multi-round thinking (default: 3).")
    private int rounds;

    @Option(names = "--temperature", defaultValue = "0.8")
    private double temperature;

    @Option(names = "--top-p", defaultValue = "1.0")
    private double topP;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Sample i of problem P is drawn with a seed from SHA-256(seed/P) + i.")
    private long seed;

    @Option(
            names = {"-c", "--concurrency"},
            defaultValue = "4",
            description = "Samples generated at a time.")
    private int concurrency;

    @Option(
            names = "--branch-sample",
            paramLabel = "S",
            description = {
                "For branch: the sample to branch from: its id, PROBLEM_KEY#INDEX of RUN, or a PROBLEM_KEY of RUN",
                "(its first sample holding the --before phrase)."
            })
    private String branchSample;

    @Option(names = "--at", paramLabel = "CHAR", description = "For branch: the character position to branch at.")
    private Integer branchAt;

    @Option(
            names = "--before",
            paramLabel = "PHRASE",
            description = "For branch: branch just before the first PHRASE in the trace (e.g. Wait).")
    private String branchBefore;

    @Option(names = "--model", paramLabel = "GGUF", description = "A GGUF model file run in-process.")
    private Path gguf;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "An OpenAI-compatible server, e.g. http://localhost:8000/v1.")
    private String server;

    @Option(names = "--server-model", paramLabel = "NAME", description = "The model's name on the server.")
    private String serverModel;

    @Option(
            names = "--api-key-env",
            paramLabel = "VAR",
            description = "The environment variable that holds the API key.")
    private String apiKeyEnv;

    @Option(
            names = "--chat",
            description = "Reach --server through /v1/chat/completions, continuing the assistant's "
                    + "turn (for servers without raw completions: DeepSeek, OpenRouter).")
    private boolean chat;

    @Option(names = "--connection", paramLabel = "NAME", description = "A connection saved in Ponder's settings.")
    private String connectionName;

    @Option(names = "--template", defaultValue = "chatml", description = "chatml, deepseek-r1 or llama3.")
    private String template;

    @Option(
            names = "--template-turn",
            paramLabel = "TEXT",
            description =
                    "A custom template: the raw prompt with {question} where the question goes (\\n for newlines).")
    private String templateTurn;

    @Option(names = "--think-start", defaultValue = "<think>", description = "A custom template's thinking start.")
    private String thinkStart;

    @Option(names = "--think-end", defaultValue = "</think>", description = "A custom template's thinking end.")
    private String thinkEnd;

    @Option(names = "--template-opens-thinking", description = "A custom template ends with the thinking start.")
    private boolean templateOpensThinking;

    @Option(
            names = "--end-of-turn",
            split = ",",
            paramLabel = "S",
            description = "A custom template's strings that end the assistant's turn (comma-separated).")
    private List<String> endOfTurn = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads for an in-process model (0: all).")
    private int threads;

    @Option(names = "--name", description = "The new run's name (default: from the strategy and model).")
    private String name;

    @Option(
            names = "--journal-dir",
            paramLabel = "DIR",
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
        PromptTemplate prompts = templateTurn == null
                ? null
                : parse(() -> new PromptTemplate(
                        "custom",
                        templateTurn.replace("\\n", "\n"),
                        thinkStart,
                        thinkEnd,
                        templateOpensThinking,
                        endOfTurn));
        ReplayPlan plan = parse(() -> new ReplayPlan(
                name,
                chosen,
                new ReplayPlan.Problems(null, List.of(), problemsFile, problemKeys, limit),
                chosen == ReplayStrategy.BRANCH
                        ? new ReplayPlan.Branch(branchSample, branchAt, branchBefore, null)
                        : null,
                budgets,
                serverBudget,
                ReplayPlan.forcing(extensions, waitWord, minThinking, answerPrompt, maxAnswer, maxThinking),
                samples,
                rounds,
                temperature,
                topP,
                seed,
                concurrency));
        try (WorkspaceServices workspace = workspaceOption.openOrCreate()) {
            Long runId = run == null ? null : workspace.runs().select(run).run().id();
            ReplayPlan fromRun = runId == null
                    ? plan
                    : plan.withProblems(new ReplayPlan.Problems(runId, List.of(), problemsFile, problemKeys, limit));
            long start = System.nanoTime();
            ReplayService.Outcome outcome;
            try {
                outcome = workspace
                        .replays()
                        .run(
                                fromRun,
                                connection,
                                prompts,
                                Choices.DEFAULT_GRADER,
                                journalDir,
                                LiveText.NONE,
                                ConsoleProgress.on(spec.commandLine().getErr(), json));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            report(outcome, Duration.ofNanos(System.nanoTime() - start));
        }
        return 0;
    }

    private ModelConnection connection(PonderHome home) {
        if (connectionName != null) {
            return new SettingsStore(home.settingsFile())
                    .load().connections().stream()
                            .filter(c -> c.name().equals(connectionName))
                            .findFirst()
                            .orElseThrow(() -> new CommandLine.ParameterException(
                                    spec.commandLine(),
                                    "No connection named '" + connectionName + "' in " + home.settingsFile()
                                            + "; save one in Ponder's replay panel."));
        }
        if (server != null) {
            if (serverModel == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--server needs --server-model NAME");
            }
            return parse(() -> ModelConnection.server("server", server, serverModel, apiKeyEnv, template)
                    .withChat(chat));
        }
        if (gguf != null) {
            return parse(() -> ModelConnection.embedded(
                    String.valueOf(gguf.getFileName()), gguf.toString(), template, threads, 4096));
        }
        return parse(() -> ModelConnection.embedded(ModelConnection.TINY_NAME, null, template, threads, 4096));
    }

    private void report(ReplayService.Outcome outcome, Duration elapsed) {
        PrintWriter out = spec.commandLine().getOut();
        List<Run> runs = outcome.runs();
        if (json) {
            ObjectNode root = JsonOutput.object()
                    .put("samples_generated", outcome.samplesRun())
                    .put("seconds", elapsed.toMillis() / 1000.0);
            ArrayNode list = root.putArray("runs");
            for (int i = 0; i < runs.size(); i++) {
                list.addObject()
                        .put("id", runs.get(i).id())
                        .put("name", runs.get(i).name())
                        .put("journal", outcome.journals().get(i).toString());
            }
            JsonOutput.print(out, root);
            return;
        }
        out.printf("Generated %,d samples in %.1f s.%n", outcome.samplesRun(), elapsed.toMillis() / 1000.0);
        for (int i = 0; i < runs.size(); i++) {
            out.printf(
                    "Run %d \"%s\" (journal %s)%n",
                    runs.get(i).id(), runs.get(i).name(), outcome.journals().get(i));
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
