package dev.ponder.core.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic, realistic synthetic runs for scale work: N R1-style samples per problem with log-normal
 * lengths (a long tail cut at the size's generation limit), per-problem difficulty, wrong answers that
 * cluster on a few distractors (so votes split realistically), and gold answers. The same seed always
 * gives byte-identical files.
 */
public final class SyntheticRuns {
    /** The formats the generator writes; both carry token counts, as real runs of these tools do. */
    public enum Format {
        /** s1-style lm-evaluation-harness samples: one line per problem with N responses and token counts. */
        LM_EVAL("samples_synthetic_2026-01-01T00-00-00.000000.jsonl"),
        /** SkyThought results.json: one object keyed by problem id with responses and token usages. */
        SKYTHOUGHT("results.json"),
        /** An Inspect log as current Inspect writes it: a ZIP of zstd entries, one per sample and epoch. */
        INSPECT("synthetic.eval");

        private final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final BenchSize size;
    private final long seed;

    public SyntheticRuns(BenchSize size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    /** Writes the run in {@code format} into {@code directory}; returns the file. */
    public Path write(Format format, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(format.fileName());
        if (format == Format.INSPECT) {
            return writeEval(file);
        }
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
                JsonGenerator json = JSON.createGenerator(stream, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            if (format == Format.SKYTHOUGHT) {
                json.writeStartObject();
            }
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder trace = new StringBuilder(1 << 16);
            for (int problem = 0; problem < size.problems(); problem++) {
                writeProblem(format, json, random.split(), problem, trace);
            }
            if (format == Format.SKYTHOUGHT) {
                json.writeEndObject();
            }
        }
        return file;
    }

    private void writeProblem(
            Format format, JsonGenerator json, SplittableRandom random, int problem, StringBuilder trace)
            throws IOException {
        Drawn drawn = draw(random, problem, trace);
        if (format == Format.LM_EVAL) {
            lmEvalLine(
                    json,
                    problem,
                    drawn.question,
                    drawn.gold,
                    drawn.texts,
                    drawn.answers,
                    drawn.correct,
                    drawn.tokens,
                    drawn.thinkingTokens);
        } else {
            skyThoughtEntry(json, problem, drawn.question, drawn.gold, drawn.texts, drawn.correct, drawn.tokens);
        }
    }

    /** One problem's samples as drawn: the same for every format, so the files hold the same run. */
    private record Drawn(
            String question,
            String gold,
            String[] texts,
            String[] answers,
            boolean[] correct,
            int[] tokens,
            int[] thinkingTokens) {}

    /**
     * The Inspect log: {@code _journal/start.json}, a zstd entry per sample ({@code samples/ID_epoch_E.json}, its
     * text as the assistant message, its verdict and answer as a {@code match} score), then {@code summaries.json}
     * (every sample's summary: id, epoch, input, target, scores, usage) and {@code header.json} last, as Inspect
     * finishes a log.
     */
    private Path writeEval(Path file) throws IOException {
        Path summaries = Files.createTempFile(file.getParent(), "summaries-", ".zst");
        java.util.zip.CRC32 summariesCrc = new java.util.zip.CRC32();
        long[] summariesSize = {0};
        try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip =
                        new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(file);
                java.io.OutputStream summary = new java.util.zip.CheckedOutputStream(
                        new java.io.FilterOutputStream(new io.airlift.compress.zstd.ZstdOutputStream(
                                new java.io.BufferedOutputStream(Files.newOutputStream(summaries), 1 << 16))) {
                            @Override
                            public void write(byte[] bytes, int offset, int length) throws IOException {
                                out.write(bytes, offset, length);
                                summariesSize[0] += length;
                            }

                            @Override
                            public void write(int b) throws IOException {
                                out.write(b);
                                summariesSize[0]++;
                            }
                        },
                        summariesCrc)) {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode eval = mapper.createObjectNode()
                    .put("task", "synthetic")
                    .put("task_id", "synthetic-task")
                    .put("run_id", "synthetic-run")
                    .put("eval_id", "synthetic-eval")
                    .put("created", "2026-01-01T00:00:00+00:00")
                    .put("model", "synthetic/r1-style");
            eval.putObject("dataset").put("name", "synthetic").put("samples", size.problems());
            eval.putObject("config").put("epochs", size.samplesPerProblem());
            zstdEntry(
                    zip,
                    "_journal/start.json",
                    mapper.createObjectNode().put("version", 2).set("eval", eval));
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder trace = new StringBuilder(1 << 16);
            for (int problem = 0; problem < size.problems(); problem++) {
                Drawn drawn = draw(random.split(), problem, trace);
                for (int i = 0; i < drawn.texts.length; i++) {
                    com.fasterxml.jackson.databind.node.ObjectNode sample = mapper.createObjectNode()
                            .put("id", problem)
                            .put("epoch", i + 1)
                            .put("input", drawn.question);
                    sample.putArray("target").add(drawn.gold);
                    sample.putArray("messages");
                    com.fasterxml.jackson.databind.node.ObjectNode output =
                            sample.putObject("output").put("model", "synthetic/r1-style");
                    com.fasterxml.jackson.databind.node.ObjectNode choice =
                            output.putArray("choices").addObject();
                    choice.putObject("message").put("role", "assistant").put("content", drawn.texts[i]);
                    choice.put("stop_reason", "stop");
                    output.putObject("usage")
                            .put("input_tokens", 40)
                            .put("output_tokens", drawn.tokens[i])
                            .put("total_tokens", 40 + drawn.tokens[i]);
                    sample.putObject("scores")
                            .putObject("match")
                            .put("value", drawn.correct[i] ? "C" : "I")
                            .put("answer", drawn.answers[i]);
                    zstdEntry(zip, "samples/" + problem + "_epoch_" + (i + 1) + ".json", sample);
                    com.fasterxml.jackson.databind.node.ObjectNode brief = mapper.createObjectNode()
                            .put("id", problem)
                            .put("epoch", i + 1)
                            .put("input", drawn.question);
                    brief.set("target", sample.get("target"));
                    brief.set("scores", sample.get("scores"));
                    brief.putObject("model_usage").set("synthetic/r1-style", output.get("usage"));
                    brief.put("completed", true);
                    summary.write((summariesSize[0] == 0 ? "[" : ",").getBytes(StandardCharsets.UTF_8));
                    summary.write(brief.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            summary.write("]".getBytes(StandardCharsets.UTF_8));
            summary.close();
            org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry =
                    new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("summaries.json");
            entry.setMethod(93);
            entry.setSize(summariesSize[0]);
            entry.setCompressedSize(Files.size(summaries));
            entry.setCrc(summariesCrc.getValue());
            try (java.io.InputStream packed = Files.newInputStream(summaries)) {
                zip.addRawArchiveEntry(entry, packed);
            }
            com.fasterxml.jackson.databind.node.ObjectNode header =
                    mapper.createObjectNode().put("version", 2).put("status", "success");
            header.set("eval", eval);
            zstdEntry(zip, "header.json", header);
        } finally {
            Files.deleteIfExists(summaries);
        }
        return file;
    }

    private static void zstdEntry(
            org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip,
            String name,
            com.fasterxml.jackson.databind.JsonNode json)
            throws IOException {
        byte[] content = json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream(content.length / 4 + 64);
        try (io.airlift.compress.zstd.ZstdOutputStream out = new io.airlift.compress.zstd.ZstdOutputStream(packed)) {
            out.write(content);
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry =
                new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(name);
        entry.setMethod(93); // zstd, as Inspect writes every entry today
        entry.setSize(content.length);
        entry.setCompressedSize(packed.size());
        entry.setCrc(crc.getValue());
        zip.addRawArchiveEntry(entry, new java.io.ByteArrayInputStream(packed.toByteArray()));
    }

    private Drawn draw(SplittableRandom random, int problem, StringBuilder trace) {
        int a = 10 + random.nextInt(990);
        int b = 10 + random.nextInt(990);
        String question = String.format(
                Locale.ROOT,
                "Problem %d: a warehouse ships %d crates of %d units each. " + "How many units does it ship?",
                problem,
                a,
                b);
        String gold = String.valueOf(a * b);
        String[] distractors = {String.valueOf(a * b + 10), String.valueOf(a * b - 100), String.valueOf(a + b)};
        double difficulty = random.nextDouble();
        int n = size.samplesPerProblem();
        String[] texts = new String[n];
        int[] tokens = new int[n];
        int[] thinkingTokens = new int[n];
        boolean[] correct = new boolean[n];
        String[] answers = new String[n];
        for (int i = 0; i < n; i++) {
            correct[i] = random.nextDouble() > difficulty;
            answers[i] = correct[i] ? gold : distractors[random.nextInt(random.nextInt(4) == 0 ? 3 : 1)];
            // Harder problems think longer; wrong answers longer still.
            double mean = Math.log(size.medianTokens()) + 0.6 * difficulty + (correct[i] ? 0 : 0.3);
            int length =
                    (int) Math.min(size.maxTokens(), Math.max(16, Math.exp(mean + size.sigma() * gaussian(random))));
            trace.setLength(0);
            int thinkingChars = SyntheticTrace.write(
                    trace, random, length, answers[i], new String[] {distractors[0], answers[i], distractors[2]});
            texts[i] = trace.toString();
            tokens[i] = (texts[i].length() + 3) / 4;
            thinkingTokens[i] = (thinkingChars + 3) / 4;
        }
        return new Drawn(question, gold, texts, answers, correct, tokens, thinkingTokens);
    }

    private static void lmEvalLine(
            JsonGenerator json,
            int problem,
            String question,
            String gold,
            String[] texts,
            String[] answers,
            boolean[] correct,
            int[] tokens,
            int[] thinkingTokens)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("doc_id", problem);
        json.writeObjectFieldStart("doc");
        json.writeStringField("problem", question);
        json.writeStringField("answer", gold);
        json.writeEndObject();
        json.writeStringField("target", gold);
        json.writeObjectFieldStart("arguments");
        json.writeObjectFieldStart("gen_args_0");
        json.writeStringField("arg_0", question);
        json.writeObjectFieldStart("arg_1");
        json.writeNumberField("max_gen_toks", 32768);
        json.writeNumberField("temperature", 0.6);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("resps");
        json.writeStartArray();
        for (String text : texts) {
            json.writeString(text);
        }
        json.writeEndArray();
        json.writeEndArray();
        json.writeStringField("filter", "none");
        json.writeArrayFieldStart("extracted_answers");
        for (String answer : answers) {
            json.writeString(answer);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("exact_matches");
        for (boolean right : correct) {
            json.writeNumber(right ? 1 : 0);
        }
        json.writeEndArray();
        intArray(json, "tok", tokens);
        intArray(json, "tok_think", thinkingTokens);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static void skyThoughtEntry(
            JsonGenerator json,
            int problem,
            String question,
            String gold,
            String[] texts,
            boolean[] correct,
            int[] tokens)
            throws IOException {
        json.writeObjectFieldStart(String.valueOf(problem));
        json.writeStringField("problem", question);
        json.writeStringField("answer", gold);
        json.writeArrayFieldStart("responses");
        for (int i = 0; i < texts.length; i++) {
            json.writeStartObject();
            json.writeStringField("content", texts[i]);
            json.writeBooleanField("correctness", correct[i]);
            json.writeStringField("reason", correct[i] ? "" : "Solution is incorrect.");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("token_usages");
        for (int token : tokens) {
            json.writeStartObject();
            json.writeNumberField("completion_tokens", token);
            json.writeNumberField("prompt_tokens", 40);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void intArray(JsonGenerator json, String field, int[] values) throws IOException {
        json.writeArrayFieldStart(field);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }

    /** A standard normal draw (Box–Muller), from the generator's own stream so output stays deterministic. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
