package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.json.JsonFields;
import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.json.JsonLists;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.record.IngestedTreeNode;
import dev.ponder.core.ingest.record.ProblemKeys;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RecordException;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.TreeNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tree-of-Thought breadth-first search logs as princeton-nlp/tree-of-thought-llm's {@code run.py} writes them:
 * a JSON array with one entry per task, each {@code {"steps": [{"step", "x", "ys", "new_ys", "values",
 * "select_new_ys"}], "idx", "ys", "infos": [{"r"}]}}. Every proposal of every step becomes a node whose parent
 * is the kept state it extends; proposals left out of {@code select_new_ys} are marked pruned, so the tree shows
 * what the beam dropped. A node's iteration is its step (1-based), for playback level by level. The final
 * states are terminal; {@code r} of 0 or 1 grades them (other tasks' scores are kept as the node's reward).
 */
public final class TotBfsReader extends JsonRunReader {
    public static final String FORMAT = "tot-bfs";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Tree-of-Thought BFS logs (JSON)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("steps") && head.innerHas("new_ys", "select_new_ys");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, "tot-bfs", Map.of(), null, null));
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> task(record, sink));
    }

    private static void task(JsonNode record, SampleSink sink) {
        JsonNode steps = JsonFields.array(record, "steps");
        if (steps == null || steps.isEmpty()) {
            throw new RecordException("no 'steps': not a search (a naive run of run.py has none)");
        }
        String question = JsonLists.firstText(steps.get(0), "x");
        String idx = JsonLists.firstText(record, "idx");
        String problemKey = ProblemKeys.of(question, "tot", idx);
        sink.problem(new Problem(0, problemKey, null, question, null, null));
        // File ids are unique across the file's tasks; node keys are the task's own.
        String task = problemKey + ":";
        Map<String, IngestedTreeNode> nodes = new LinkedHashMap<>();
        nodes.put(
                task + "root",
                new IngestedTreeNode(
                        problemKey,
                        task + "root",
                        null,
                        new TreeNode(
                                0, 0, 0, null, "root", 0, question, null, null, null, null, false, false, null, null,
                                null)));

        // The kept states of the previous step, by their text, each with the node that holds it.
        Map<String, String> kept = new HashMap<>();
        kept.put("", task + "root");
        List<String[]> lastKept = new ArrayList<>();
        for (JsonNode step : steps) {
            int number = JsonFields.integer(step, "step", 0) + 1;
            List<String> proposals = JsonLists.texts(step.path("new_ys"));
            List<Double> values = JsonLists.numbers(step.path("values"));
            List<String> selected = new ArrayList<>(JsonLists.texts(step.path("select_new_ys")));
            Map<String, String> nextKept = new HashMap<>();
            lastKept = new ArrayList<>();
            for (int i = 0; i < proposals.size(); i++) {
                String text = proposals.get(i);
                String parentState = longestKeptPrefix(kept, text);
                String key = "s" + number + "." + i;
                String id = task + key;
                boolean chosen = selected.remove(text);
                if (chosen) {
                    nextKept.putIfAbsent(text, id);
                    lastKept.add(new String[] {text, id});
                }
                String stepText = text.substring(parentState.length()).strip();
                TreeNode node = new TreeNode(
                        0,
                        0,
                        0,
                        null,
                        key,
                        number,
                        stepText,
                        JsonLists.at(values, i),
                        null,
                        null,
                        null,
                        false,
                        !chosen,
                        null,
                        null,
                        null);
                nodes.put(id, new IngestedTreeNode(problemKey, id, kept.get(parentState), node));
            }
            kept = nextKept;
        }
        finals(record, lastKept, nodes);
        nodes.values().forEach(sink::treeNode);
    }

    /** Marks the final states terminal, with their verdicts. */
    private static void finals(JsonNode record, List<String[]> lastKept, Map<String, IngestedTreeNode> nodes) {
        List<String> ys = JsonLists.texts(record.path("ys"));
        JsonNode infos = record.path("infos");
        for (int i = 0; i < ys.size() && i < lastKept.size(); i++) {
            String[] state = lastKept.get(i);
            JsonNode info = infos.path(i);
            Double r = JsonFields.number(info, "r");
            Boolean correct = r == null ? null : r == 1.0 ? Boolean.TRUE : r == 0.0 ? Boolean.FALSE : null;
            String text = state[0].strip();
            String answer = text.substring(text.lastIndexOf('\n') + 1).replaceFirst("^Answer:\\s*", "");
            IngestedTreeNode proposal = nodes.get(state[1]);
            TreeNode was = proposal.node();
            nodes.put(
                    state[1],
                    new IngestedTreeNode(
                            proposal.problemKey(),
                            proposal.fileId(),
                            proposal.parentFileId(),
                            new TreeNode(
                                    0,
                                    0,
                                    0,
                                    null,
                                    was.nodeKey(),
                                    was.iteration(),
                                    was.stepText(),
                                    was.value(),
                                    null,
                                    null,
                                    correct == null ? r : null,
                                    true,
                                    false,
                                    answer,
                                    correct,
                                    info.isObject() ? info.toString() : null)));
        }
    }

    private static String longestKeptPrefix(Map<String, String> kept, String text) {
        String best = null;
        for (String state : kept.keySet()) {
            if (text.startsWith(state) && (best == null || state.length() > best.length())) {
                best = state;
            }
        }
        if (best == null) {
            throw new RecordException(
                    "the proposal '" + abbreviate(text) + "' extends none of the states kept " + "at the step before");
        }
        return best;
    }

    private static String abbreviate(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
