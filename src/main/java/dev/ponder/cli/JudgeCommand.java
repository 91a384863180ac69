package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.ReplayException;
import dev.ponder.core.service.JudgeService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ponder judge RUN}: a model asked, with Ponder's fixed prompt, whether each distinct answer of the run states
 * the same result as its gold; what it would cost first, asking only with {@code --yes}.
 */
@Command(
        name = "judge",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Ask a model whether each distinct answer of the run states the same result as its gold (a fixed prompt,",
            "docs/methods.md). Without --yes, says how many pairs it would ask about and about how many tokens that",
            "takes, and asks nothing. Verdicts are kept in the workspace, so a pair is asked once; ponder agreement",
            "then sets the judge beside Ponder's graders."
        })
final class JudgeCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id or exact name (see ponder info).")
    private String run;

    @Option(names = "--connection", paramLabel = "NAME", description = "A server connection saved in Ponder.")
    private String connectionName;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "An OpenAI-compatible server, e.g. http://localhost:8000/v1.")
    private String server;

    @Option(names = "--server-model", paramLabel = "NAME", description = "The judge model's name on the server.")
    private String serverModel;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "The environment variable holding the API key.")
    private String apiKeyEnv;

    @Option(names = "--yes", description = "Ask (without it, only say what asking would take).")
    private boolean yes;

    @Option(
            names = "--concurrency",
            defaultValue = "4",
            paramLabel = "N",
            description = "Questions in flight at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws ReplayException {
        ModelConnection connection = connection();
        if (concurrency < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--concurrency is 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (WorkspaceServices workspace = workspaceOption.open()) {
            RunSummary summary = workspace.runs().select(run);
            JudgeService.Plan plan = workspace.judges().plan(summary.run().id(), connection);
            if (!yes || plan.toAsk() == 0) {
                print(out, summary, plan);
                return 0;
            }
            JudgeService.Result result = workspace
                    .judges()
                    .judge(
                            summary.run().id(),
                            connection,
                            concurrency,
                            ConsoleProgress.on(spec.commandLine().getErr(), json));
            print(out, summary, plan, result);
            return result.failed() == 0 ? 0 : PonderCli.FAILED;
        }
    }

    private ModelConnection connection() {
        if (connectionName != null) {
            ModelConnection saved = ReplayModelOptions.saved(connectionName, PonderHome.resolve(), spec);
            if (saved.kind() != ModelConnection.Kind.OPENAI_COMPATIBLE) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "'" + connectionName + "' runs a model file in Ponder; a judge is a model behind a server.");
            }
            return saved;
        }
        if (server == null || serverModel == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Name the judge: --connection NAME, or --server URL with --server-model NAME.");
        }
        try {
            return ModelConnection.server("judge", server, serverModel, apiKeyEnv, null)
                    .withChat(true);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void print(PrintWriter out, RunSummary summary, JudgeService.Plan plan) {
        if (json) {
            JsonOutput.print(out, document(summary, plan));
        } else {
            out.printf(
                    Locale.ROOT,
                    "Run %d \"%s\": %,d distinct answer–gold pairs, %,d judged already by %s.%n",
                    summary.run().id(),
                    summary.run().name(),
                    plan.pairs(),
                    plan.judged(),
                    plan.judge());
            if (plan.toAsk() == 0) {
                out.println("Nothing to ask; see the verdicts with: ponder agreement "
                        + summary.run().id());
            } else {
                out.printf(
                        Locale.ROOT,
                        "Asking the other %,d takes %,d requests: %s (most replies are one word).%n"
                                + "Run again with --yes to ask.%n",
                        plan.toAsk(),
                        plan.toAsk(),
                        plan.cost());
            }
        }
        out.flush();
    }

    private void print(PrintWriter out, RunSummary summary, JudgeService.Plan plan, JudgeService.Result result) {
        if (json) {
            ObjectNode document = document(summary, plan);
            document.putObject("asked")
                    .put("pairs", result.asked())
                    .put("same", result.same())
                    .put("different", result.different())
                    .put("unreadable", result.unreadable())
                    .put("failed", result.failed());
            JsonOutput.print(out, document);
        } else {
            out.printf(
                    Locale.ROOT,
                    "Asked %s %s.%nSee them beside the other graders with: ponder agreement %d%n",
                    result.judge(),
                    result.summary(),
                    summary.run().id());
        }
        out.flush();
    }

    private static ObjectNode document(RunSummary summary, JudgeService.Plan plan) {
        ObjectNode document = JsonOutput.object();
        document.putObject("run")
                .put("id", summary.run().id())
                .put("name", summary.run().name());
        document.put("judge", plan.judge())
                .put("pairs", plan.pairs())
                .put("judged", plan.judged())
                .put("to_ask", plan.toAsk())
                .put("prompt_tokens", plan.promptTokens())
                .put("output_tokens_at_most", plan.outputTokens());
        return document;
    }
}
