package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.mapping.SavedMapping;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.plan.ImportPlanner;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.ingest.read.RunFormats;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPlannerTest {
    private static final Path LIMO = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures/limo_eval.jsonl");
    private static final String UNKNOWN = "{\"qid\": \"q1\", \"response\": \"\\\\boxed{2}\"}\n";

    @TempDir
    Path dir;

    private final ImportPlanner planner = new ImportPlanner(RunFormats.standard(), shape -> Optional.empty());

    @Test
    void aFolderIsExpandedAndItsRunsMakeASweepGroupedByTheFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("budget sweep A"));
        Files.copy(LIMO, folder.resolve("limo_budget_512.jsonl"));
        Files.copy(LIMO, folder.resolve("limo_budget_1024.jsonl"));
        Files.writeString(folder.resolve("results.json"), UNKNOWN);
        Files.createDirectories(folder.resolve(".cache"));
        Files.copy(LIMO, folder.resolve(".cache/limo_budget_9999.jsonl"));

        List<PlannedFile> plan = planner.plan(List.of(folder), null, TaskContext.NONE);

        assertThat(plan)
                .extracting(file -> file.file().getFileName().toString())
                .containsExactly("limo_budget_1024.jsonl", "limo_budget_512.jsonl", "results.json");
        assertThat(plan.get(0).format()).isEqualTo("limo-eval");
        assertThat(plan.get(0).inFolder()).isTrue();
        assertThat(plan.get(0).guessed()).isEqualTo(Map.of("budget", "1024", "group", "budget sweep A"));
        assertThat(plan.get(1).guessed()).isEqualTo(Map.of("budget", "512", "group", "budget sweep A"));
        PlannedFile unknown = plan.get(2);
        assertThat(unknown.recognised()).isFalse();
        assertThat(unknown.mappable()).isTrue();
        assertThat(unknown.problem()).contains("not a run file Ponder recognises");
        assertThat(unknown.guessed()).isEmpty();
    }

    @Test
    void runsAloneInFoldersNamedForTheirBudgetMakeASweepToo() throws Exception {
        for (String budget : List.of("2048", "4096")) {
            Path folder = Files.createDirectories(dir.resolve("out/qwq_budget_" + budget + "/qwq"));
            Files.copy(LIMO, folder.resolve("samples_2025-0" + budget.charAt(0) + ".jsonl"));
        }
        List<PlannedFile> plan = planner.plan(List.of(dir.resolve("out")), null, TaskContext.NONE);
        assertThat(plan).extracting(file -> file.guessed().get("budget")).containsExactly("2048", "4096");
        assertThat(plan).extracting(file -> file.guessed().get("group")).containsOnly("out");
    }

    @Test
    void chosenFilesNamedAlikeMakeASweepNamedByTheirPattern() throws Exception {
        Path a = Files.copy(LIMO, dir.resolve("aime_seed1.jsonl"));
        Path b = Files.copy(LIMO, dir.resolve("aime_seed2.jsonl"));
        Path other = Files.copy(LIMO, Files.createDirectories(dir.resolve("x")).resolve("solo.jsonl"));
        List<PlannedFile> plan = planner.plan(List.of(a, b, other), null, TaskContext.NONE);
        assertThat(plan.get(0).guessed()).isEqualTo(Map.of("seed", "1", "group", "aime_seed*"));
        assertThat(plan.get(0).inFolder()).isFalse();
        assertThat(plan.get(2).guessed()).isEmpty();
    }

    @Test
    void aFileOfASavedShapeIsReadWithItsMappingAndTheUsersFormatWins() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.jsonl"), UNKNOWN);
        FieldMapping mapping = new FieldMapping(
                FieldMapping.Layout.SAMPLES,
                null,
                Map.of(
                        FieldMapping.Field.PROBLEM_ID,
                        JsonPath.parse("qid"),
                        FieldMapping.Field.TRACE,
                        JsonPath.parse("response")));
        ImportPlanner remembering = new ImportPlanner(
                RunFormats.standard(),
                shape -> shape.fields().contains("qid") ? Optional.of(SavedMapping.of(mapping)) : Optional.empty());
        PlannedFile planned =
                remembering.plan(List.of(file), null, TaskContext.NONE).get(0);
        assertThat(planned.format()).isEqualTo("generic");
        assertThat(planned.mapping()).isEqualTo(mapping);
        assertThat(planned.options(ImportOptions.DEFAULT).mapping()).isEqualTo(mapping);

        PlannedFile forced = planner.plan(
                        List.of(Files.copy(LIMO, dir.resolve("l.jsonl"))), "open-r1", TaskContext.NONE)
                .get(0);
        assertThat(forced.format()).isEqualTo("open-r1");
    }

    @Test
    void filesThatCannotBeReadSayWhy() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        Path parquetLike = Files.write(dir.resolve("x.bin"), new byte[] {1, 2, 3});
        List<PlannedFile> plan =
                planner.plan(List.of(empty, parquetLike, dir.resolve("missing.jsonl")), null, TaskContext.NONE);
        assertThat(plan.get(0).problem()).isEqualTo("empty.jsonl: the file is empty");
        assertThat(plan.get(0).mappable()).isFalse();
        assertThat(plan.get(1).mappable()).isFalse();
        assertThat(plan.get(2).problem()).startsWith("cannot read the file");
    }

    @Test
    void guessesBecomeDefaultsUnderTheUsersOwnSettings() {
        PlannedFile planned = new PlannedFile(
                dir.resolve("a.jsonl"),
                1,
                "limo-eval",
                null,
                null,
                null,
                true,
                Map.of("budget", "512", "group", "sweep"));
        ImportOptions options =
                planned.options(ImportOptions.DEFAULT.withAttributes(Map.of("group", "mine"), Map.of()));
        assertThat(options.attributes()).isEqualTo(Map.of("group", "mine"));
        assertThat(options.defaults()).isEqualTo(Map.of("budget", "512", "group", "sweep"));
    }
}
