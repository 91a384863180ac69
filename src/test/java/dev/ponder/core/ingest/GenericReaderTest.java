package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.FieldMapping.Field;
import dev.ponder.core.ingest.mapping.FieldMapping.Layout;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.mapping.SavedMapping;
import dev.ponder.core.ingest.plan.FileShape;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.TreeNode;
import dev.ponder.core.store.Workspace;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericReaderTest {
    private static final Path GENERIC = Path.of("src/test/resources/dev/ponder/core/ingest/generic");

    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.create(dir.resolve("w.ponder"));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private ImportedRun read(String file, Layout layout, String records, String... fields) {
        Map<Field, JsonPath> paths = new EnumMap<>(Field.class);
        for (int i = 0; i < fields.length; i += 2) {
            paths.put(Field.parse(fields[i]), JsonPath.parse(fields[i + 1]));
        }
        return ImportedRun.of(
                workspace,
                GENERIC.resolve(file),
                ImportOptions.DEFAULT.withMapping(new FieldMapping(layout, records, paths)));
    }

    @Test
    void oneRecordPerSample() {
        ImportedRun run = read(
                "per_sample.jsonl",
                Layout.SAMPLES,
                null,
                "problem",
                "qid",
                "question",
                "prompt",
                "gold",
                "gold",
                "trace",
                "response",
                "correct",
                "label",
                "tokens",
                "ntok");
        assertThat(run.result().format()).isEqualTo("generic");
        assertThat(run.result().problems()).isEqualTo(2);
        assertThat(run.result().samples()).isEqualTo(3);
        List<Sample> samples = run.samples(run.problem("What is 2 + 5?"));
        assertThat(samples).extracting(Sample::index).containsExactly(0, 1);
        assertThat(samples).extracting(Sample::correct).containsExactly(true, false);
        assertThat(samples).extracting(sample -> sample.answer().extracted()).containsExactly("7", "8");
        assertThat(samples.get(0).tokens().total()).isEqualTo(12);
        Sample textLabels = run.samples(run.problem("What is 9 - 4?")).get(0);
        assertThat(textLabels.correct()).as("\"true\" is a verdict too").isTrue();
        assertThat(textLabels.tokens().total()).as("\"9\" is a count too").isEqualTo(9);
    }

    @Test
    void oneRecordPerProblemWithNestedLists() {
        ImportedRun run = read(
                "per_problem_nested.jsonl",
                Layout.PROBLEMS,
                null,
                "question",
                "data.q",
                "gold",
                "data.answer",
                "trace",
                "outputs[].text",
                "correct",
                "outputs[].ok",
                "tokens",
                "outputs[].len");
        assertThat(run.result().samples()).isEqualTo(3);
        List<Sample> france = run.samples(run.problem("Name the capital of France."));
        assertThat(france).extracting(Sample::text).containsExactly("It is Paris.", "Lyon");
        assertThat(france).extracting(Sample::correct).containsExactly(true, false);
        assertThat(france).extracting(sample -> sample.tokens().total()).containsExactly(4, 1);
        assertThat(run.problem("Name the capital of Spain.").goldAnswer()).isEqualTo("Madrid");
    }

    @Test
    void anObjectKeyedByProblemIdGradedByPonder() {
        ImportedRun run = read(
                "keyed_by_id.json",
                Layout.PROBLEMS,
                "*",
                "question",
                "question",
                "gold",
                "expected",
                "trace",
                "samples");
        assertThat(run.result().problems()).isEqualTo(2);
        assertThat(run.samples(run.problem("3 * 3?")))
                .extracting(Sample::correct)
                .containsExactly(true, false, true);
        assertThat(run.run().grader()).isEqualTo("ponder-math");
    }

    @Test
    void recordsInsideADocument() {
        ImportedRun run = read(
                "inside_document.json",
                Layout.SAMPLES,
                "items",
                "question",
                "question",
                "gold",
                "gold",
                "trace",
                "completion");
        assertThat(run.result().samples()).isEqualTo(2);
        assertThat(run.allSamples()).extracting(Sample::correct).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void csvWithAHeaderRow() {
        ImportedRun run = read(
                "results.csv",
                Layout.SAMPLES,
                null,
                "question",
                "question",
                "gold",
                "gold",
                "trace",
                "response",
                "correct",
                "correct",
                "tokens",
                "tokens");
        assertThat(run.result().samples()).isEqualTo(3);
        List<Sample> samples = run.samples(run.problem("What is 6 * 7?"));
        assertThat(samples).extracting(Sample::correct).containsExactly(true, false);
        assertThat(samples.get(0).text())
                .as("a quoted field keeps its line break")
                .isEqualTo("<think>6*7=42</think>\n\\boxed{42}");
        assertThat(samples.get(0).thinkingText()).isEqualTo("6*7=42");
        assertThat(run.samples(run.problem("What is 12 + 30, exactly?")).get(0).correct())
                .isTrue();
    }

    @Test
    void aNestedSearchTree() {
        ImportedRun run = read(
                "omegaprm_tree.json",
                Layout.TREE,
                null,
                "question",
                "question",
                "gold",
                "answer",
                "root",
                "tree",
                "children",
                "children",
                "node_text",
                "text",
                "value",
                "mc_value",
                "visits",
                "visits",
                "node_answer",
                "final");
        assertThat(run.result().treeNodes()).isEqualTo(5);
        Problem problem = run.problem("Compute 4 + 4.");
        List<TreeNode> nodes = run.tree(problem);
        TreeNode root = nodes.stream()
                .filter(node -> node.parentId() == null)
                .findFirst()
                .orElseThrow();
        assertThat(root.visits()).isEqualTo(10);
        TreeNode right = nodes.stream()
                .filter(node -> "8".equals(node.answer()))
                .findFirst()
                .orElseThrow();
        assertThat(right.terminal()).isTrue();
        assertThat(right.correct()).isTrue();
        assertThat(right.value()).isEqualTo(1.0);
        assertThat(nodes.stream()
                        .filter(node -> "9".equals(node.answer()))
                        .findFirst()
                        .orElseThrow()
                        .correct())
                .isFalse();
        TreeNode firstStep = nodes.stream()
                .filter(node -> "4 + 4 = 8.".equals(node.stepText()))
                .findFirst()
                .orElseThrow();
        assertThat(firstStep.parentId()).isEqualTo(root.id());
        assertThat(right.parentId()).isEqualTo(firstStep.id());
    }

    @Test
    void aMappingNeedsTheTraceAndTheGenericFormatNeedsAMapping() {
        assertThatThrownBy(() -> new FieldMapping(Layout.SAMPLES, null, Map.of(Field.QUESTION, JsonPath.parse("q"))))
                .hasMessageContaining("needs 'trace'");
        assertThatThrownBy(() -> ImportedRun.of(
                        workspace, GENERIC.resolve("per_sample.jsonl"), ImportOptions.DEFAULT.withFormat("generic")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("the generic format needs a field mapping");
        assertThatThrownBy(() -> Field.parse("response")).hasMessageContaining("unknown field 'response'");
    }

    @Test
    void pathsWalkObjectsListsAndPositions() throws Exception {
        var record = Json.MAPPER.readTree("{\"a\": {\"b\": [{\"c\": 1}, {\"c\": 2}]}, \"choices\": [{\"m\": \"x\"}]}");
        assertThat(JsonPath.parse("a.b[].c").all(record))
                .extracting(Object::toString)
                .containsExactly("1", "2");
        assertThat(JsonPath.parse("a.b").all(record)).hasSize(2);
        assertThat(JsonPath.parse("choices.0.m").one(record).asText()).isEqualTo("x");
        assertThat(JsonPath.parse("a.missing.c").one(record)).isNull();
        assertThat(JsonPath.parse("a.b[].c").isList()).isTrue();
        assertThatThrownBy(() -> JsonPath.parse("a..b")).hasMessageContaining("empty part");
    }

    @Test
    void savedMappingsRoundTripAndFileShapesTellFilesApart() throws Exception {
        FieldMapping mapping = new FieldMapping(
                Layout.PROBLEMS,
                "*",
                Map.of(Field.TRACE, JsonPath.parse("outputs[].text"), Field.QUESTION, JsonPath.parse("data.q")));
        assertThat(SavedMapping.of(mapping).toMapping()).isEqualTo(mapping);
        FileShape nested = FileShape.of(FileHead.of(GENERIC.resolve("per_problem_nested.jsonl")));
        assertThat(nested.kind()).isEqualTo("jsonl");
        assertThat(nested.fields()).containsExactly("data", "id", "outputs");
        assertThat(FileShape.of(FileHead.of(GENERIC.resolve("results.csv"))).fields())
                .containsExactly("correct", "gold", "question", "response", "tokens");
        assertThat(nested.key())
                .isNotEqualTo(FileShape.of(FileHead.of(GENERIC.resolve("per_sample.jsonl")))
                        .key());
    }
}
