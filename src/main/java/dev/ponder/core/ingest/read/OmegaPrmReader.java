package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.ingest.json.JsonFields;
import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.json.JsonLists;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.record.Enricher;
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
import java.util.List;
import java.util.Map;

/**
 * OmegaPRM search trees as OpenR writes them ({@code data/omegaPRM_v2}, {@code save_data_tree}): one JSON per
 * question, {@code {"question", "final_answer", "reasoning_steps": {"text", "mc_value", "children": [...]}}}, or
 * JSON Lines of such records, or a bare nested node. Each node adds the step {@code text}; its value is the
 * Monte-Carlo estimate {@code mc_value} (the share of rollouts from it that reached the right answer). A leaf
 * ends a solution; its answer is the one it states ({@code \boxed{}} or "the answer is"), graded against the
 * question's.
 */
public final class OmegaPrmReader extends JsonRunReader {
    public static final String FORMAT = "omegaprm";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "OpenR / OmegaPRM nested trees (JSON)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("reasoning_steps") && head.innerHas("mc_value") || head.has("text", "mc_value", "children");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, "omegaprm", Map.of(), null, null));
        int[] trees = {0};
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> {
            trees[0]++;
            JsonNode root = record.has("reasoning_steps") ? record.get("reasoning_steps") : record;
            if (root == null || !root.isObject() || !root.has("children")) {
                throw new RecordException(
                        "'reasoning_steps' holds no tree (expected {\"text\", \"mc_value\", " + "\"children\"})");
            }
            String question = JsonLists.firstText(record, "question", "problem");
            if (question == null) {
                question = JsonFields.text(root, "text");
            }
            String gold = JsonLists.firstText(record, "final_answer", "answer", "gt");
            String id = JsonLists.firstText(record, "id", "idx", "index");
            String fileId = id != null ? id : trees[0] == 1 ? context.fileName() : context.fileName() + "#" + trees[0];
            String problemKey = ProblemKeys.of(question, null, fileId);
            sink.problem(new Problem(0, problemKey, null, question, gold, null));
            walk(root, trees[0], problemKey, gold, context.enricher(), sink);
        });
    }

    private static void walk(
            JsonNode root, int tree, String problemKey, String gold, Enricher enricher, SampleSink sink) {
        NestedTrees.walk(
                root,
                tree,
                problemKey,
                OmegaPrmReader::children,
                (node, key, leaf) -> {
                    String text = JsonFields.text(node, "text");
                    String answer = leaf && text != null ? AnswerExtractor.statedIn(text) : null;
                    return new TreeNode(
                            0,
                            0,
                            0,
                            null,
                            key,
                            null,
                            text,
                            JsonFields.number(node, "mc_value"),
                            JsonFields.integer(node, "visits"),
                            null,
                            null,
                            leaf,
                            false,
                            answer,
                            answer == null ? null : enricher.grade(answer, gold),
                            null);
                },
                sink);
    }

    private static List<JsonNode> children(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        for (JsonNode child : node.path("children")) {
            if (child.isObject()) {
                children.add(child);
            }
        }
        return children;
    }
}
