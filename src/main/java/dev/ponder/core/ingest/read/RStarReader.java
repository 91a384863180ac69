package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.ingest.json.JsonFields;
import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.json.JsonLists;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.record.Enricher;
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
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * rStar-Math search trees: JSON Lines of questions, each with an {@code rstar} object mapping hierarchical
 * tags ({@code 0}, {@code 0.1}, {@code 0.1.2}) to node states ({@code text}, {@code value}, {@code q_value},
 * {@code visit_count}, {@code final_answer}). A node's parent is its tag without the last part. A node is
 * terminal when it reached a final answer (not one of rStar's failure markers); the import's grader compares
 * that answer with the question's. The node's value column holds {@code q_value} where MCTS wrote one, else
 * {@code value}; both are kept in its metadata.
 */
public final class RStarReader extends JsonRunReader {
    public static final String FORMAT = "rstar";
    /** rStar's markers for a branch that ended without an answer. */
    private static final Set<String> NOT_ANSWERS = Set.of(
            "No valid child",
            "Too many steps",
            "Too many code errors",
            "NO_VALID_CHILD",
            "TOO_MANY_STEPS",
            "TOO_MANY_CODE_ERRORS");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "rStar-Math search trees (JSONL)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("rstar");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, "mcts", Map.of(), null, null));
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> {
            String question = JsonLists.firstText(record, "question", "problem");
            String gold = JsonLists.firstText(record, "answer", "ground_truth", "gt");
            String problemKey = ProblemKeys.of(question, null, JsonLists.firstText(record, "index", "id", "idx"));
            sink.problem(new Problem(0, problemKey, null, question, gold, null));
            JsonNode tree = JsonFields.object(record, "rstar");
            if (tree == null) {
                throw new RecordException("'rstar' holds no tree");
            }
            for (Iterator<Map.Entry<String, JsonNode>> nodes = tree.fields(); nodes.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = nodes.next();
                String tag = entry.getKey();
                if (!tag.matches("\\d+(\\.\\d+)*") || !entry.getValue().isObject()) {
                    continue; // e.g. beam search's "solutions" list beside the nodes
                }
                sink.treeNode(node(problemKey, tag, entry.getValue(), gold, context.enricher()));
            }
        });
    }

    private static IngestedTreeNode node(
            String problemKey, String tag, JsonNode state, String gold, Enricher enricher) {
        String finalAnswer = JsonLists.firstText(state, "final_answer");
        boolean terminal = finalAnswer != null && !NOT_ANSWERS.contains(finalAnswer);
        Double value = JsonFields.number(state, "value");
        Double qValue = JsonFields.number(state, "q_value");
        ObjectNode meta = state.deepCopy();
        meta.remove("text");
        int lastDot = tag.lastIndexOf('.');
        TreeNode node = new TreeNode(
                0,
                0,
                0,
                null,
                tag,
                null,
                JsonFields.text(state, "text"),
                qValue != null ? qValue : value,
                JsonFields.integer(state, "visit_count"),
                null,
                null,
                terminal,
                false,
                terminal ? finalAnswer : null,
                terminal ? enricher.grade(finalAnswer, gold) : null,
                meta.toString());
        return new IngestedTreeNode(problemKey, tag, lastDot < 0 ? null : tag.substring(0, lastDot), node);
    }
}
