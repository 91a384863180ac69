package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.ExtractedAnswer;
import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.MathEquivalence;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.ThinkingSplit;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a replay keeps each finished sample the moment it finishes: a file in Ponder's own run format
 * (ponder-jsonl), one line per record, forced to disk. A replay stopped by Cancel, a crash or a lost
 * connection reopens its journal and skips what is there; a line torn by a crash is cut off. The finished
 * journal imports as a run like any other file. Answers are extracted and graded as each sample is written,
 * since Ponder's format stores them as given.
 */
public final class ReplayJournal implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The run the journal becomes: its header (the grader is the journal's own). */
    public record RunSpec(String name, String model, String strategy, Map<String, String> params) {
        public RunSpec {
            params = Map.copyOf(params);
        }
    }

    /**
     * One finished sample.
     *
     * @param unit     what identifies this piece of work in the replay plan (problem, budget, sample, round)
     * @param parentId the {@code unit} it continues (the previous round, a branch's origin), or null
     * @param notes    what else the strategy knows about the sample (First Finish Search: how many were launched)
     */
    public record Entry(
            String unit,
            String parentId,
            int index,
            int round,
            Integer budget,
            long seed,
            ReplayedTrace trace,
            Map<String, Object> notes) {
        public Entry {
            notes = Map.copyOf(notes);
        }

        public Entry(
                String unit, String parentId, int index, int round, Integer budget, long seed, ReplayedTrace trace) {
            this(unit, parentId, index, round, budget, seed, trace, Map.of());
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final Grader grader;
    private final AnswerExtractor answers = new AnswerExtractor();
    private final Set<String> done = new HashSet<>();
    private final Map<String, String> answersByUnit = new HashMap<>();
    private final Set<String> problems = new HashSet<>();

    private ReplayJournal(Path file, FileChannel channel, Grader grader) {
        this.file = file;
        this.channel = channel;
        this.grader = grader;
    }

    /** Opens the journal, creating it with its header, or resuming it when it holds the same replay. */
    public static ReplayJournal open(Path file, RunSpec spec, Grader grader) throws ReplayException {
        ObjectNode header = JSON.createObjectNode().put("format", "ponder-run").put("version", 1);
        ObjectNode run = header.putObject("run")
                .put("name", spec.name())
                .put("model", spec.model())
                .put("strategy", spec.strategy())
                .put("grader", grader.name());
        ObjectNode params = run.putObject("params");
        new TreeMap<>(spec.params()).forEach(params::put);
        try {
            boolean resume = Files.exists(file) && Files.size(file) > 0;
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ReplayJournal journal = new ReplayJournal(file, channel, grader);
            if (resume) {
                journal.resume(header);
            } else {
                journal.write(header);
            }
            return journal;
        } catch (IOException e) {
            throw new ReplayException("Cannot open the replay journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void resume(JsonNode header) throws IOException, ReplayException {
        long keep = 0;
        int lineNumber = 0;
        long size = Files.size(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long offset = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                long end = offset + line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (end > size) {
                    break; // the last line has no newline: torn by a crash
                }
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (IOException torn) {
                    break;
                }
                if (lineNumber == 1 && !record.equals(header)) {
                    throw new ReplayException(file.getFileName() + " holds a different replay (" + record.path("run")
                            + "); choose another journal or the same settings to resume it.");
                }
                if ("sample".equals(record.path("type").asText())) {
                    String unit = record.path("meta").path("unit").asText();
                    done.add(unit);
                    int answerStart = record.path("meta").path("answer_start").asInt(-1);
                    String text = record.path("text").asText();
                    answersByUnit.put(
                            unit, answerStart < 0 || answerStart > text.length() ? "" : text.substring(answerStart));
                } else if ("problem".equals(record.path("type").asText())) {
                    problems.add(record.path("key").asText());
                }
                offset = end;
                keep = end;
            }
        }
        channel.truncate(keep);
        channel.position(keep);
    }

    public synchronized boolean isDone(String unit) {
        return done.contains(unit);
    }

    /** The answer part (the text after the thinking) of a finished unit, or null when the unit is not done. */
    public synchronized String answerOf(String unit) {
        return answersByUnit.get(unit);
    }

    public synchronized int doneCount() {
        return done.size();
    }

    public Path file() {
        return file;
    }

    /** Writes the sample (and its problem, the first time) and forces it to disk before returning. */
    public synchronized void append(Problem problem, Entry entry) throws ReplayException {
        try {
            if (problems.add(problem.key())) {
                ObjectNode p = JSON.createObjectNode()
                        .put("type", "problem")
                        .put("key", problem.key())
                        .put("dataset", problem.dataset())
                        .put("question", problem.question())
                        .put("gold", problem.goldAnswer());
                if (problem.metadataJson() != null) {
                    p.set("metadata", JSON.readTree(problem.metadataJson()));
                }
                write(p);
            }
            write(sampleRecord(problem, entry));
            done.add(entry.unit());
            answersByUnit.put(entry.unit(), entry.trace().answer());
        } catch (IOException e) {
            throw new ReplayException("Cannot write to the replay journal " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode sampleRecord(Problem problem, Entry entry) {
        ReplayedTrace t = entry.trace();
        ObjectNode s = JSON.createObjectNode()
                .put("type", "sample")
                .put("problem", problem.key())
                .put("id", entry.unit())
                .put("index", entry.index())
                .put("round", entry.round())
                .put("text", t.text());
        if (entry.parentId() != null) {
            s.put("parent", entry.parentId());
        }
        ThinkingSplit split;
        if (t.thinkStart() < 0) {
            split = ThinkingSplit.noThinking();
        } else if (t.thinkEnd() < 0) {
            split = new ThinkingSplit(
                    new ThinkingSpan(t.thinkStart(), t.text().length()),
                    false,
                    t.text().length());
            s.put("truncated", true);
        } else {
            split = new ThinkingSplit(new ThinkingSpan(t.thinkStart(), t.thinkEnd()), true, t.answerStart());
        }
        if (split.thinking() != null) {
            s.putObject("thinking")
                    .put("start", split.thinking().start())
                    .put("end", split.thinking().end());
        }
        ExtractedAnswer answer =
                t.finish() == FinishReason.CANCELLED ? ExtractedAnswer.NONE : answers.extract(t.text(), split);
        if (answer.answerText() != null) {
            s.putObject("answer")
                    .put("text", answer.answerText())
                    .put("extracted", answer.extracted())
                    .put("key", answer.extracted() == null ? null : MathEquivalence.key(answer.extracted()));
        }
        Boolean verdict = grader.grade(answer.extracted(), problem.goldAnswer());
        if (verdict == null) {
            s.putNull("correct");
        } else {
            s.put("correct", verdict);
        }
        s.putObject("tokens")
                .put("total", t.tokensTotal())
                .put("thinking", t.tokensThinking())
                .put("estimated", false);
        s.put("finish_reason", t.finish().wireName());
        if (entry.budget() != null) {
            s.put("budget", entry.budget());
        }
        var segments = s.putArray("segments");
        for (Segment seg : t.segments()) {
            ObjectNode n = segments.addObject()
                    .put("kind", seg.kind().code())
                    .put("start", seg.charStart())
                    .put("end", seg.charEnd());
            if (seg.detail() != null) {
                n.put("detail", seg.detail());
            }
        }
        ObjectNode meta = s.putObject("meta")
                .put("unit", entry.unit())
                .put("seed", entry.seed())
                .put("extensions", t.extensions())
                .put("capped", t.capped())
                .put("answer_start", t.answerStart());
        entry.notes().forEach((key, value) -> meta.set(key, JSON.valueToTree(value)));
        return s;
    }

    private void write(JsonNode record) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
