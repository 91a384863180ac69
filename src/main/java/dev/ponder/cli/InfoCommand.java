package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.store.WorkspaceException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ponder info}: the workspace's runs and their counts. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "List the workspace's runs with their counts.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path file = workspaceOption.file();
        if (workspaceOption.isDefault() && !Files.exists(file)) {
            throw new WorkspaceException(
                    WorkspaceException.Reason.NOT_FOUND,
                    file,
                    "The default workspace " + file
                            + " does not exist yet. Start Ponder once, or import a file with: ponder import FILE");
        }
        try (WorkspaceServices workspace = workspaceOption.open()) {
            List<RunSummary> runs = workspace.runs().summaries();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, document(workspace, runs));
            } else {
                table(out, workspace, runs);
            }
        }
        return 0;
    }

    private static ObjectNode document(WorkspaceServices workspace, List<RunSummary> runs) {
        ObjectNode root = JsonOutput.object();
        root.put("workspace", workspace.file().toString());
        root.put("schema_version", workspace.schemaVersion());
        ArrayNode list = root.putArray("runs");
        for (RunSummary summary : runs) {
            Run run = summary.run();
            ObjectNode item = list.addObject();
            item.put("id", run.id());
            item.put("name", run.name());
            item.put("format", run.source().format());
            item.put("source_path", run.source().path());
            item.put("source_sha256", run.source().sha256());
            item.put("imported_at", run.importedAt().toString());
            item.put("model", run.model());
            item.put("strategy", run.strategy());
            item.put("grader", run.grader());
            ObjectNode params = item.putObject("params");
            run.params().forEach(params::put);
            item.put("problems", summary.problems());
            item.put("samples", summary.samples());
            item.put("tree_nodes", summary.treeNodes());
            item.put("graded_samples", summary.gradedSamples());
            if (summary.accuracy() == null) {
                item.putNull("accuracy");
            } else {
                item.put("accuracy", summary.accuracy());
            }
        }
        return root;
    }

    private static void table(PrintWriter out, WorkspaceServices workspace, List<RunSummary> runs) {
        out.printf("Workspace  %s (schema v%d)%n", workspace.file(), workspace.schemaVersion());
        out.printf("Runs       %d%n", runs.size());
        if (runs.isEmpty()) {
            out.println("\nNo runs yet. Import one with: ponder import FILE --workspace " + workspace.file());
            out.flush();
            return;
        }
        int nameWidth = Math.max(
                4,
                runs.stream()
                        .mapToInt(summary -> summary.run().name().length())
                        .max()
                        .orElse(4));
        nameWidth = Math.min(nameWidth, 40);
        String row = "%4s  %-" + nameWidth + "s  %-14s  %-18s  %8s  %9s  %8s%n";
        out.println();
        out.printf(Locale.ROOT, row, "ID", "NAME", "FORMAT", "MODEL", "PROBLEMS", "SAMPLES", "ACCURACY");
        for (RunSummary summary : runs) {
            Run run = summary.run();
            out.printf(
                    Locale.ROOT,
                    row,
                    run.id(),
                    clip(run.name(), nameWidth),
                    clip(run.source().format(), 14),
                    clip(run.model() == null ? "-" : run.model(), 18),
                    String.format(Locale.ROOT, "%,d", summary.problems()),
                    String.format(Locale.ROOT, "%,d", summary.samples()),
                    summary.accuracy() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * summary.accuracy()));
        }
        out.flush();
    }

    /** The text cut to {@code width} characters with an ellipsis: for table columns. */
    static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
