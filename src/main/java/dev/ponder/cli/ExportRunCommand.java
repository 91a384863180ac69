package dev.ponder.cli;

import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.ExportService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ponder export-run RUN --out FILE}: a run in Ponder's own format, which imports back into identical rows,
 * or in lm-evaluation-harness's samples format for tools that read that.
 */
@Command(
        name = "export-run",
        mixinStandardHelpOptions = true,
        description = {
            "Write a run in Ponder's own format (ponder-jsonl); importing the file gives the same rows.",
            "--format lm-eval writes lm-evaluation-harness --log_samples JSONL (s1's fields) instead;",
            "--format parquet the per-sample columns (answer, verdict, tokens, score, ...) as Parquet, no trace text."
        })
final class ExportRunCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id or exact name (see ponder info).")
    private String run;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "The file to write.")
    private Path out;

    @Option(
            names = "--format",
            defaultValue = "ponder",
            paramLabel = "F",
            description = "ponder (default), lm-eval, or parquet (the per-sample columns, for pandas, polars, DuckDB).")
    private String format;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ExportService.RunFormat chosen;
        try {
            chosen = ExportService.RunFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        try (WorkspaceServices workspace = workspaceOption.open()) {
            RunSummary summary = workspace.runs().select(run);
            long samples = workspace.exports().run(summary.run().id(), chosen, out, TaskContext.NONE);
            PrintWriter printer = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(
                        printer,
                        JsonOutput.object()
                                .put("run_id", summary.run().id())
                                .put("file", out.toAbsolutePath().toString())
                                .put("samples", samples));
            } else {
                printer.printf(
                        "Exported run %d \"%s\" (%,d samples) to %s%n",
                        summary.run().id(), summary.run().name(), samples, out.toAbsolutePath());
                printer.flush();
            }
        }
        return 0;
    }
}
