package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.FieldMapping.Field;
import dev.ponder.core.ingest.mapping.FieldMapping.Layout;
import dev.ponder.core.ingest.mapping.FieldPaths;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.mapping.MappingGuess;
import dev.ponder.core.ingest.record.FileHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces behind the mapping dialog: sampling records, naming their paths, guessing and previewing a mapping. */
class MappingSupportTest {
    private static final Path GENERIC = Path.of("src/test/resources/dev/ponder/core/ingest/generic");

    @TempDir
    Path dir;

    @Test
    void samplesTheFirstRecordsWhereverTheyAre() throws Exception {
        assertThat(RecordSample.first(GENERIC.resolve("per_sample.jsonl"), "", 2))
                .hasSize(2)
                .first()
                .satisfies(record -> assertThat(record.get("qid").asText()).isEqualTo("q1"));
        List<JsonNode> keyed = RecordSample.first(GENERIC.resolve("keyed_by_id.json"), RecordSample.KEYED_VALUES, 5);
        assertThat(keyed).extracting(record -> record.get("_key").asText()).containsExactly("p-1", "p-2");
        assertThat(RecordSample.first(GENERIC.resolve("inside_document.json"), "items", 1))
                .singleElement()
                .satisfies(record -> assertThat(record.get("gold").asText()).isEqualTo("2"));
        List<JsonNode> rows = RecordSample.first(GENERIC.resolve("results.csv"), "", 10);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("response").asText()).isEqualTo("<think>6*7=42</think>\n\\boxed{42}");
    }

    @Test
    void offersWhereTheRecordsOfADocumentMayBe() throws Exception {
        assertThat(RecordSample.locations(FileHead.of(GENERIC.resolve("inside_document.json"))))
                .containsExactly("", "*", "items");
        assertThat(RecordSample.locations(FileHead.of(GENERIC.resolve("per_sample.jsonl"))))
                .containsExactly("");
    }

    @Test
    void namesEveryPathIncludingFieldsOfListElements() throws Exception {
        List<JsonNode> records = RecordSample.first(GENERIC.resolve("per_problem_nested.jsonl"), "", 5);
        assertThat(FieldPaths.of(records))
                .containsExactly(
                        "id",
                        "data",
                        "data.q",
                        "data.answer",
                        "outputs",
                        "outputs[].text",
                        "outputs[].ok",
                        "outputs[].len");
    }

    @Test
    void guessesAMappingPerSamplePerProblemAndForTrees() throws Exception {
        FieldMapping perSample = MappingGuess.of(RecordSample.first(GENERIC.resolve("per_sample.jsonl"), "", 5), null)
                .orElseThrow();
        assertThat(perSample.layout()).isEqualTo(Layout.SAMPLES);
        assertThat(perSample.fields())
                .containsEntry(Field.PROBLEM_ID, JsonPath.parse("qid"))
                .containsEntry(Field.QUESTION, JsonPath.parse("prompt"))
                .containsEntry(Field.GOLD, JsonPath.parse("gold"))
                .containsEntry(Field.TRACE, JsonPath.parse("response"))
                .containsEntry(Field.CORRECT, JsonPath.parse("label"));

        Path limo = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures/limo_eval.jsonl");
        FieldMapping perProblem =
                MappingGuess.of(RecordSample.first(limo, "", 5), null).orElseThrow();
        assertThat(perProblem.layout()).isEqualTo(Layout.PROBLEMS);
        assertThat(perProblem.fields())
                .containsEntry(Field.TRACE, JsonPath.parse("generated_responses"))
                .containsEntry(Field.ANSWER, JsonPath.parse("generated_answers"))
                .containsEntry(Field.CORRECT, JsonPath.parse("answers_correctness"))
                .containsEntry(Field.GOLD, JsonPath.parse("gold_answer"));

        FieldMapping nested = MappingGuess.of(
                        RecordSample.first(GENERIC.resolve("per_problem_nested.jsonl"), "", 5), null)
                .orElseThrow();
        assertThat(nested.layout()).isEqualTo(Layout.PROBLEMS);
        assertThat(nested.fields())
                .containsEntry(Field.TRACE, JsonPath.parse("outputs[].text"))
                .containsEntry(Field.GOLD, JsonPath.parse("data.answer"))
                .containsEntry(Field.PROBLEM_ID, JsonPath.parse("id"));

        Path tree = Files.writeString(
                dir.resolve("tree.jsonl"),
                "{\"question\": \"q\", \"text\": \"root\", \"value\": 0.5, \"visits\": 3, \"children\": []}\n");
        FieldMapping treeGuess =
                MappingGuess.of(RecordSample.first(tree, "", 1), null).orElseThrow();
        assertThat(treeGuess.layout()).isEqualTo(Layout.TREE);
        assertThat(treeGuess.fields())
                .containsEntry(Field.NODE_TEXT, JsonPath.parse("text"))
                .containsEntry(Field.VALUE, JsonPath.parse("value"))
                .containsEntry(Field.VISITS, JsonPath.parse("visits"));

        assertThat(MappingGuess.of(List.of(Json.MAPPER.readTree("{\"x\": 1}")), null))
                .isEmpty();
    }

    @Test
    void findsFieldsByThePartsOfTheirNamesAndTheirTypesAndNeverTakesASplitTextForSamples() throws Exception {
        String first = "First I add the numbers: 19 + 23 = 42. ".repeat(4);
        String second = "Wait, let me check again: 42 - 23 = 19, right. So \\boxed{42}";
        com.fasterxml.jackson.databind.node.ObjectNode record = Json.MAPPER
                .createObjectNode()
                .put("taskText", "What is 19 + 23?")
                .put("answerKey", "42")
                .put("finalPred", "42")
                .put("isRight", true)
                .put("nGenTokens", 120)
                .put("modelSays", first + "\n\n" + second)
                .put("gold_index", 0);
        record.putArray("generations").add(first).add(second);

        FieldMapping guess = MappingGuess.of(List.of(record), null).orElseThrow();

        assertThat(guess.layout())
                .as("the pieces of one response are no list of responses")
                .isEqualTo(Layout.SAMPLES);
        assertThat(guess.fields())
                .containsEntry(Field.QUESTION, JsonPath.parse("taskText"))
                .containsEntry(Field.GOLD, JsonPath.parse("answerKey"))
                .containsEntry(Field.ANSWER, JsonPath.parse("finalPred"))
                .containsEntry(Field.CORRECT, JsonPath.parse("isRight"))
                .containsEntry(Field.TOKENS, JsonPath.parse("nGenTokens"))
                .containsEntry(Field.TRACE, JsonPath.parse("modelSays"))
                .doesNotContainValue(JsonPath.parse("generations"))
                .as("an index into choices is no gold answer")
                .doesNotContainValue(JsonPath.parse("gold_index"));

        com.fasterxml.jackson.databind.node.ObjectNode perProblem =
                Json.MAPPER.createObjectNode().put("q", "What is 19 + 23?");
        perProblem.putArray("attempts").add(first + second).add(second + first);
        FieldMapping unnamed = MappingGuess.of(List.of(perProblem), null).orElseThrow();
        assertThat(unnamed.layout())
                .as("long texts in a list, under a name no tool uses, are the responses")
                .isEqualTo(Layout.PROBLEMS);
        assertThat(unnamed.fields()).containsEntry(Field.TRACE, JsonPath.parse("attempts"));
    }

    @Test
    void previewsWhatTheImportWouldStore() throws Exception {
        FieldMapping mapping = new FieldMapping(
                Layout.SAMPLES,
                null,
                Map.of(
                        Field.PROBLEM_ID,
                        JsonPath.parse("qid"),
                        Field.QUESTION,
                        JsonPath.parse("prompt"),
                        Field.GOLD,
                        JsonPath.parse("gold"),
                        Field.TRACE,
                        JsonPath.parse("response"),
                        Field.TOKENS,
                        JsonPath.parse("ntok")));
        MappingPreview preview = MappingPreview.of(GENERIC.resolve("per_sample.jsonl"), mapping, 2);
        assertThat(preview.samples()).hasSize(2);
        MappingPreview.Row first = preview.samples().get(0);
        assertThat(first.question()).isEqualTo("What is 2 + 5?");
        assertThat(first.gold()).isEqualTo("7");
        assertThat(first.answer()).isEqualTo("7");
        assertThat(first.correct()).isTrue();
        assertThat(first.tokens()).isEqualTo(12);
        assertThat(preview.samples().get(1).correct()).isFalse();

        Path broken = Files.writeString(
                dir.resolve("broken.jsonl"), "{\"qid\": 1, \"response\": \"a\", \"ntok\": \"many\"}\n");
        MappingPreview bad = MappingPreview.of(broken, mapping, 5);
        assertThat(bad.samples()).isEmpty();
        assertThat(bad.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.location()).isEqualTo("line 1");
            assertThat(skip.reason()).contains("expected a whole number, got \"many\"");
        });
    }
}
