package dev.ponder.cli;

import dev.ponder.core.analysis.Regrader;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder regrade RUN --grader G}: the run's verdicts decided again, by another grader or its file's labels. */
@Command(
        name = "regrade",
        mixinStandardHelpOptions = true,
        description = {
            "Grade a run again: its stored answers against the problems' gold answers.",
            "Every figure computed afterwards records the new grader."
        })
final class RegradeCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id or exact name (see ponder info).")
    private String run;

    @Option(
            names = {"-g", "--grader"},
            required = true,
            paramLabel = "G",
            converter = GradingConverter.class,
            description =
                    "'file labels', ponder-math, hendrycks-math-strict, numeric, exact, multiple-choice, or 'file labels, else <grader>'.")
    private Grading grading;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (WorkspaceServices workspace = workspaceOption.open()) {
            RunSummary summary = workspace.runs().select(run);
            long runId = summary.run().id();
            Regrader.Result result = workspace
                    .runs()
                    .regrade(
                            runId,
                            grading,
                            ConsoleProgress.on(spec.commandLine().getErr(), json));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(
                        out,
                        JsonOutput.object()
                                .put("run_id", runId)
                                .put("grader", result.grader())
                                .put("samples", result.samples())
                                .put("changed", result.changed())
                                .put("graded", result.graded())
                                .put("correct", result.correct())
                                .put("tree_nodes_changed", result.treeNodesChanged()));
            } else {
                out.printf("Run %d \"%s\": %s%n", runId, summary.run().name(), result.summary());
                out.flush();
            }
        }
        return 0;
    }

    /** Reads a grading choice, naming the choices when it is none of them. */
    static final class GradingConverter implements CommandLine.ITypeConverter<Grading> {
        @Override
        public Grading convert(String value) {
            try {
                return Grading.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
