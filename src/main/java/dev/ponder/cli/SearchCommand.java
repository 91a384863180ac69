package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.SearchHit;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder search "let me reconsider"}: the traces of every run that contain a phrase, with the match in context. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Find a phrase in every trace of the workspace (case and punctuation ignored).",
            "Text with quotes, AND, OR, NOT, NEAR or a trailing * is read as an SQLite FTS5 query."
        })
final class SearchCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "PHRASE", description = "What to find.")
    private String phrase;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Most hits to list (default 50).")
    private int limit;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (WorkspaceServices workspace = workspaceOption.open()) {
            TaskContext progress = ConsoleProgress.on(spec.commandLine().getErr(), json);
            List<SearchHit> hits;
            try {
                hits = workspace.search().find(phrase, limit, progress);
            } finally {
                ConsoleProgress.clear(progress);
            }
            List<Long> notSearched = workspace.search().unindexedRuns();
            PrintWriter printer = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = JsonOutput.object().put("query", phrase);
                ArrayNode left = root.putArray("not_searched");
                notSearched.forEach(left::add);
                ArrayNode list = root.putArray("hits");
                for (SearchHit hit : hits) {
                    list.addObject()
                            .put("sample_id", hit.sampleId())
                            .put("run_id", hit.runId())
                            .put("run", hit.runName())
                            .put("problem_key", hit.problemKey())
                            .put("sample_index", hit.sampleIndex())
                            .put("round", hit.round())
                            .put("snippet", hit.snippet());
                }
                JsonOutput.print(printer, root);
            } else {
                for (SearchHit hit : hits) {
                    printer.printf(
                            "%s  %s  #%d%s  %s%n",
                            hit.runName(),
                            hit.problemKey(),
                            hit.sampleIndex(),
                            hit.round() > 0 ? " round " + hit.round() : "",
                            hit.snippet().replaceAll("\\s+", " "));
                }
                printer.printf(
                        "%d hit%s%s%n",
                        hits.size(),
                        hits.size() == 1 ? "" : "s",
                        hits.size() == limit ? " (the first " + limit + "; --limit shows more)" : "");
                if (!notSearched.isEmpty()) {
                    printer.println("Not searched: " + (notSearched.size() == 1 ? "run " : "runs ")
                            + notSearched.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + ", whose traces are not indexed yet (the workspace is read-only here; open it writable "
                            + "once to index them)");
                }
                printer.flush();
            }
        }
        return 0;
    }
}
