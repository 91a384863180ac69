package dev.ponder.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ponder.core.analysis.RunColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostModelTest {
    /** P = 1e9, 2 layers, d_model 16, 4 query and 2 KV heads of 8. */
    private static final ModelShape SHAPE = new ModelShape("hand", 1e9, 2, 16, 4, 2, 8, "test");

    @TempDir
    Path dir;

    private static CostModel model(CostAxis axis) {
        return CostModel.of(new CostSettings(axis, SHAPE, 100, 2, 8, null), SHAPE);
    }

    @Test
    void kineticsCostOfOneConfigurationByHand() {
        // Kinetics dense_cost with nparams 1e9, heads 4, kv heads 2, head_dim·layers = 16, E = 100, context 10,
        // generation 20, 4 trials: compute = (2e9·20 + 2·(20 + 20)·20·4·16)·4 = 160,000,409,600;
        // memory = 2·(20 + 4·20)·20·2·16·100 = 12,800,000.
        assertEquals(160_013_209_600.0, model(CostAxis.EFLOPS).eflops(10, 20, 4), 1e-3);
    }

    @Test
    void largeLanguageMonkeysFlopsCountEveryTokenWithItsContext() {
        // 30 tokens: Σ_{c=0}^{29} 2·(1e9 + 2·2·16·c) = 2e9·30 + 128·435 = 60,000,055,680.
        assertEquals(60_000_055_680.0, model(CostAxis.FLOPS).flops(10, 20), 1e-3);
        ModelShape parametersOnly = new ModelShape("p", 1e9, 0, 0, 0, 0, 0, "test");
        CostModel weightsOnly =
                CostModel.of(new CostSettings(CostAxis.FLOPS, parametersOnly, 100, 0, 0, null), parametersOnly);
        assertEquals(6e10, weightsOnly.flops(10, 20), 1e-3);
    }

    @Test
    void aProblemCostsKTimesItsMeanSampleExceptEflopsWhichAverageEachSampleAtK() {
        RunColumns run = new RunColumns.Builder()
                .problem(1)
                .sample(1, 0, true, "1", "1", null, 20, 15, true)
                .sample(2, 1, false, "2", "2", null, 40, 30, true)
                .build();
        assertEquals(3 * 30, model(CostAxis.TOKENS).problemCost(run, 0, 10, 3), 1e-9);
        assertEquals(3 * 22.5, model(CostAxis.THINKING).problemCost(run, 0, 10, 3), 1e-9);
        assertEquals(3 * 7.5, model(CostAxis.ANSWER).problemCost(run, 0, 10, 3), 1e-9);
        assertEquals(3, model(CostAxis.SAMPLES).problemCost(run, 0, 10, 3), 1e-9);
        // US$2 per million prompt tokens, US$8 per million generated: (10·2 + 30·8)/1e6 per sample, three samples.
        assertEquals(3 * 260 / 1e6, model(CostAxis.USD).problemCost(run, 0, 10, 3), 1e-15);
        CostModel eflops = model(CostAxis.EFLOPS);
        assertEquals(
                (eflops.eflops(10, 20, 3) + eflops.eflops(10, 40, 3)) / 2, eflops.problemCost(run, 0, 10, 3), 1e-3);
    }

    @Test
    void aRunsAttributesGiveItsShapeBeforeTheTable() {
        dev.ponder.core.model.Run described = run(
                "Qwen2.5-7B-Instruct",
                java.util.Map.of(
                        "parameters", "7e9", "layers", "28", "heads", "28", "kv_heads", "4", "hidden_size", "3584"));
        ModelShape shape = ModelShapes.forRun(described).orElseThrow();
        assertEquals(7e9, shape.parameters());
        assertEquals(128, shape.headDim()); // d_model / heads where not given
        assertEquals("the run's attributes", shape.source());
        assertEquals(
                7.62e9,
                ModelShapes.forRun(run("Qwen2.5-7B-Instruct", java.util.Map.of()))
                        .orElseThrow()
                        .parameters());
        assertTrue(ModelShapes.forRun(run("my-own-model", java.util.Map.of())).isEmpty());
        // a run's own prices where the settings give none: (10 · $2 + 30 · $8) per million tokens a sample
        CostModel priced = CostModel.forRun(
                CostSettings.DEFAULT.withAxis(CostAxis.USD),
                run("gpt-4o", java.util.Map.of("price_in", "2", "price_out", "8")));
        assertEquals(260 / 1e6, priced.sampleCost(10, 30, -1, 1), 1e-15);
        assertTrue(priced.restsOn().contains("US$ 2 per million prompt tokens"), priced.restsOn());
    }

    private static dev.ponder.core.model.Run run(String model, java.util.Map<String, String> params) {
        return new dev.ponder.core.model.Run(
                1,
                "r",
                new dev.ponder.core.model.RunSource("/r.jsonl", "ponder-jsonl", "ab"),
                java.time.Instant.EPOCH,
                model,
                "best-of-n",
                params,
                null,
                null,
                null);
    }

    @Test
    void anAxisThatNeedsAShapeSaysSo() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> CostModel.of(new CostSettings(CostAxis.EFLOPS, null, 100, 0, 0, null), null));
        assertTrue(error.getMessage().contains("choose its shape"), error.getMessage());
    }

    @Test
    void shapesFromTheTableAConfigAndAGgufHeader() throws Exception {
        assertEquals(
                "DeepSeek-R1-Distill-Qwen-7B",
                ModelShapes.find("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B")
                        .orElseThrow()
                        .name());
        assertEquals(
                "Qwen2.5-7B",
                ModelShapes.find("qwen2.5-7b-instruct").orElseThrow().name());
        assertTrue(ModelShapes.find("gpt-4o").isEmpty());
        Path config = dir.resolve("Qwen2.5-7B-Instruct").resolve("config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                {"hidden_size": 3584, "num_hidden_layers": 28, "num_attention_heads": 28, "num_key_value_heads": 4,
                 "intermediate_size": 18944, "vocab_size": 152064, "tie_word_embeddings": false}""");
        ModelShape fromConfig = ModelShapes.named(config.toString());
        assertEquals(128, fromConfig.headDim());
        assertEquals(4, fromConfig.kvHeads());
        // Qwen2.5-7B's model card: 7.61B parameters (its q/k/v biases, left out here, are 0.0007B).
        assertEquals(7.61e9, fromConfig.parameters(), 0.01e9);
        ModelShape tiny = ModelShapes.named(
                Path.of("assets/models/tiny-reasoner/tiny-reasoner.gguf").toString());
        assertEquals(1_908_672, tiny.parameters(), 0.5);
        assertEquals(4, tiny.layers());
        assertEquals(192, tiny.hiddenSize());
        assertEquals(32, tiny.headDim());
        assertEquals(ModelShapes.find("tiny-reasoner.gguf").orElseThrow().parameters(), tiny.parameters(), 0.5);
        Files.writeString(dir.resolve("bad.gguf"), "not a model");
        assertThrows(
                IllegalArgumentException.class,
                () -> ModelShapes.named(dir.resolve("bad.gguf").toString()));
    }
}
