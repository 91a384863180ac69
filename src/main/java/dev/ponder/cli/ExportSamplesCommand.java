package dev.ponder.cli;

import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ponder export-samples --tag T --out FILE}: the tagged samples as JSONL, for a dataset of cases. */
@Command(
        name = "export-samples",
        mixinStandardHelpOptions = true,
        description = "Write the samples carrying a tag (on the sample or on its problem) as JSONL, one record each.")
final class ExportSamplesCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "The tag, e.g. overthinking.")
    private String tag;

    @Option(names = "--run", paramLabel = "RUN", description = "Only this run's samples (id or exact name).")
    private String run;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "The JSONL file to write.")
    private Path out;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (WorkspaceServices workspace = workspaceOption.open()) {
            Long runId = run == null ? null : workspace.runs().selectRun(run).id();
            long samples = workspace.exports().taggedSamples(tag, runId, out, TaskContext.NONE);
            PrintWriter printer = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(
                        printer,
                        JsonOutput.object()
                                .put("tag", tag.strip())
                                .put("file", out.toAbsolutePath().toString())
                                .put("samples", samples));
            } else {
                printer.printf(
                        "Exported %,d sample%s tagged \"%s\" to %s%n",
                        samples, samples == 1 ? "" : "s", tag.strip(), out.toAbsolutePath());
                printer.flush();
            }
        }
        return 0;
    }
}
