package dev.ponder.core.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
        SKYTHOUGHT("results.json");

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
        if (format == Format.LM_EVAL) {
            lmEvalLine(json, problem, question, gold, texts, answers, correct, tokens, thinkingTokens);
        } else {
            skyThoughtEntry(json, problem, question, gold, texts, correct, tokens);
        }
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
