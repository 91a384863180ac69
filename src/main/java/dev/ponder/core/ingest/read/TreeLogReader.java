package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.json.JsonFields;
import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.json.JsonLists;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.IngestedTreeNode;
import dev.ponder.core.ingest.record.ProblemKeys;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.TreeNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * llm-reasoners {@code TreeLog} JSON: {@code {"logs": [snapshot, ...]}}, one snapshot of the search tree per
 * MCTS iteration, each with {@code nodes} (id, state data) and {@code edges} (source, target, data with
 * {@code Q} and {@code reward}). Every node becomes one tree node whose iteration is the snapshot it first
 * appears in and whose values are those of the last snapshot; its Q in every iteration is kept in its
 * metadata ({@code q_by_iteration}) for playback. The file holds one problem, named after the file.
 */
public final class TreeLogReader extends JsonRunReader {
    public static final String FORMAT = "llm-reasoners";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "llm-reasoners TreeLog (JSON)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.startsWith() == '{'
                && head.has("logs")
                && (head.innerKeys().isEmpty() || head.innerHas("nodes", "edges"));
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        JsonNode root = Json.MAPPER.readTree(in);
        if (root == null || !root.path("logs").isArray()) {
            throw new ImportException(context.fileName(), null, "expected {\"logs\": [tree snapshots]}");
        }
        String name = context.fileName().replaceFirst("\\.json$", "");
        sink.run(new RunHeader(null, null, "mcts", Map.of(), null, null));
        String problemKey = ProblemKeys.of(null, "treelog", name);
        sink.problem(new Problem(0, problemKey, null, null, null, null));

        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        Map<String, JsonNode> nodeData = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        Map<String, JsonNode> edgeData = new HashMap<>();
        Map<String, ObjectNode> qByIteration = new HashMap<>();
        JsonNode logs = root.get("logs");
        for (int iteration = 0; iteration < logs.size(); iteration++) {
            JsonNode snapshot = logs.get(iteration);
            for (JsonNode node : values(snapshot.path("nodes"))) {
                String id = node.path("id").asText();
                firstSeen.putIfAbsent(id, iteration + 1);
                nodeData.put(id, node.path("data"));
            }
            for (JsonNode edge : values(snapshot.path("edges"))) {
                String target = edge.path("target").asText();
                parents.put(target, edge.path("source").asText());
                edgeData.put(target, edge.path("data"));
                JsonNode q = edge.path("data").get("Q");
                if (q != null && q.isNumber()) {
                    qByIteration
                            .computeIfAbsent(target, ignored -> Json.MAPPER.createObjectNode())
                            .put(String.valueOf(iteration + 1), q.doubleValue());
                }
            }
        }
        for (Map.Entry<String, Integer> entry : firstSeen.entrySet()) {
            String id = entry.getKey();
            JsonNode data = nodeData.get(id);
            JsonNode edge = edgeData.getOrDefault(id, Json.MAPPER.createObjectNode());
            ObjectNode meta = Json.MAPPER.createObjectNode();
            meta.set("data", data);
            meta.set("edge", edge);
            if (qByIteration.containsKey(id)) {
                meta.set("q_by_iteration", qByIteration.get(id));
            }
            TreeNode node = new TreeNode(
                    0,
                    0,
                    0,
                    null,
                    id,
                    entry.getValue(),
                    stepText(data),
                    JsonFields.number(edge, "Q"),
                    null,
                    null,
                    JsonFields.number(edge, "reward"),
                    false,
                    false,
                    null,
                    null,
                    meta.toString());
            sink.treeNode(new IngestedTreeNode(problemKey, id, parents.get(id), node));
        }
    }

    /** Nodes and edges are objects keyed by id in TreeLog's JSON, lists in some hand-made logs. */
    private static Iterable<JsonNode> values(JsonNode container) {
        return container::elements;
    }

    /**
     * The step a node adds: a reasoning state is usually a list of steps (serialised as an object keyed
     * 0, 1, ...), whose last entry is the newest; otherwise a text-like field.
     */
    private static String stepText(JsonNode data) {
        if (data == null || data.isNull() || data.isEmpty()) {
            return null;
        }
        if (data.isTextual()) {
            return data.textValue();
        }
        String text = JsonLists.firstText(data, "text", "action", "step", "state", "sub_question");
        if (text != null) {
            return text;
        }
        JsonNode last = null;
        for (JsonNode value : values(data)) {
            last = value;
        }
        if (last == null) {
            return null;
        }
        return last.isTextual() ? last.textValue() : last.toString();
    }
}
