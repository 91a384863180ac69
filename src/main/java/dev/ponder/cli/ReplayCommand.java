package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Run;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.PromptTemplate;
import dev.ponder.core.replay.ReplayException;
import dev.ponder.core.service.Choices;
import dev.ponder.core.service.ReplayPlan;
import dev.ponder.core.service.ReplayService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
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

    @Mixin
    private ReplayStrategyOptions strategyOptions;

    @Mixin
    private ReplayModelOptions modelOptions;

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
        ReplayPlan plan =
                strategyOptions.plan(new ReplayPlan.Problems(null, List.of(), problemsFile, problemKeys, limit), spec);
        ModelConnection connection = modelOptions.connection(PonderHome.resolve(), spec);
        PromptTemplate prompts = modelOptions.template(spec);
        try (WorkspaceServices workspace = workspaceOption.openOrCreate()) {
            Long runId = run == null ? null : workspace.runs().selectRun(run).id();
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
            if (!outcome.failures().isEmpty()) {
                spec.commandLine().getErr().println("ponder: " + outcome.failureSummary());
                spec.commandLine().getErr().flush();
                return PonderCli.FAILED;
            }
        }
        return 0;
    }

    private void report(ReplayService.Outcome outcome, Duration elapsed) {
        PrintWriter out = spec.commandLine().getOut();
        List<Run> runs = outcome.runs();
        if (json) {
            ObjectNode root = JsonOutput.object()
                    .put("samples_generated", outcome.samplesRun())
                    .put("samples_failed", outcome.failures().size())
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
}
