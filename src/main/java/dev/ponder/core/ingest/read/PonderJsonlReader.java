package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.json.JsonFields;
import dev.ponder.core.ingest.json.JsonLines;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.IngestedSample;
import dev.ponder.core.ingest.record.IngestedTreeNode;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RecordException;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Answer;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.RunSource;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.TokenCounts;
import dev.ponder.core.model.TreeNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ponder's own run format: JSON Lines, a header line then one line per problem, sample or tree node.
 * docs/formats.md documents it field by field. Lines of the wrong shape are skipped with a reason; a missing
 * or unsupported header stops the import.
 */
public final class PonderJsonlReader implements RunReader {
    public static final String FORMAT = "ponder-jsonl";
    public static final String MARKER = "ponder-run";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Ponder run (JSONL)";
    }

    @Override
    public boolean recognises(FileHead head) {
        String first = head.firstLine();
        return first.startsWith("{") && first.contains("\"format\"") && first.contains('"' + MARKER + '"');
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        String fileName = context.fileName();
        JsonLines lines = new JsonLines(in);
        boolean headerSeen = false;
        boolean labelled = false;
        while (true) {
            String line;
            try {
                line = lines.next();
            } catch (RecordException e) {
                if (!headerSeen) {
                    throw new ImportException(
                            fileName, "line " + lines.lineNumber(), "the header is " + e.getMessage(), e);
                }
                sink.skipped("line " + lines.lineNumber(), e.getMessage());
                continue;
            }
            if (line == null) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            String location = "line " + lines.lineNumber();
            if (!headerSeen) {
                RunHeader header = header(line, fileName, location);
                labelled = Graders.FILE_LABELS.equalsIgnoreCase(String.valueOf(header.grader()));
                sink.run(header);
                headerSeen = true;
                continue;
            }
            try {
                record(JSON.readTree(line), sink, labelled);
            } catch (JsonProcessingException e) {
                sink.skipped(location, "not valid JSON: " + Json.reason(e));
            } catch (RecordException | IllegalArgumentException e) {
                sink.skipped(location, e.getMessage());
            }
        }
        if (!headerSeen) {
            throw new ImportException(fileName, null, "the file is empty; expected a Ponder run header line");
        }
    }

    private static RunHeader header(String line, String fileName, String location) {
        JsonNode header;
        try {
            header = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ImportException(fileName, location, "the header is not valid JSON: " + Json.reason(e), e);
        }
        if (!header.isObject() || !MARKER.equals(header.path("format").asText())) {
            throw new ImportException(
                    fileName,
                    location,
                    "expected the header {\"format\": \"" + MARKER + "\", \"version\": " + VERSION
                            + ", \"run\": {...}}");
        }
        int version = header.path("version").asInt(-1);
        if (version != VERSION) {
            throw new ImportException(
                    fileName,
                    location,
                    "Ponder run format version " + header.path("version")
                            + " is not supported; this Ponder reads version " + VERSION);
        }
        try {
            JsonNode run = JsonFields.object(header, "run");
            if (run == null) {
                return RunHeader.EMPTY;
            }
            return new RunHeader(
                    JsonFields.text(run, "name"),
                    JsonFields.text(run, "model"),
                    JsonFields.text(run, "strategy"),
                    JsonFields.stringMap(run, "params"),
                    JsonFields.text(run, "grader"),
                    JsonFields.text(run, "notes"),
                    origin(JsonFields.object(run, "origin")));
        } catch (RecordException e) {
            throw new ImportException(fileName, location, "the header's run " + e.getMessage(), e);
        }
    }

    private static RunHeader.Origin origin(JsonNode origin) {
        if (origin == null) {
            return null;
        }
        String importedAt = JsonFields.requiredText(origin, "imported_at");
        try {
            return new RunHeader.Origin(
                    new RunSource(
                            JsonFields.text(origin, "path"),
                            JsonFields.requiredText(origin, "format"),
                            JsonFields.text(origin, "sha256")),
                    Instant.parse(importedAt));
        } catch (DateTimeParseException e) {
            throw new RecordException("'origin.imported_at' must be an ISO-8601 instant, got \"" + importedAt + "\"");
        }
    }

    /**
     * @param labelled whether the run's verdicts are its file's labels (its grader is "file labels"): then a sample's
     *                 {@code correct} is the file's verdict where it states no {@code file_correct} of its own
     */
    private static void record(JsonNode record, SampleSink sink, boolean labelled) {
        if (!record.isObject()) {
            throw new RecordException("expected a JSON object");
        }
        String type = JsonFields.text(record, "type");
        if (type == null) {
            throw new RecordException(
                    "'type' is missing; expected \"problem\", \"sample\", \"tree_node\" or " + "\"problem_reference\"");
        }
        switch (type) {
            case "problem" -> sink.problem(problem(record));
            case "sample" -> sink.sample(sample(record, labelled));
            case "tree_node" -> sink.treeNode(treeNode(record));
            case "problem_reference" ->
                sink.problemReference(
                        JsonFields.requiredText(record, "problem"), JsonFields.objectJson(record, "reference"));
            default ->
                throw new RecordException("unknown 'type' \"" + type
                        + "\"; expected \"problem\", \"sample\", \"tree_node\" or \"problem_reference\"");
        }
    }

    private static Problem problem(JsonNode record) {
        return new Problem(
                0,
                JsonFields.requiredText(record, "key"),
                JsonFields.text(record, "dataset"),
                JsonFields.text(record, "question"),
                JsonFields.text(record, "gold"),
                JsonFields.objectJson(record, "metadata"));
    }

    private static IngestedSample sample(JsonNode record, boolean labelled) {
        String text = JsonFields.text(record, "text");
        if (text == null) {
            throw new RecordException("'text' is missing; expected the sample's generated text");
        }
        JsonNode answer = JsonFields.object(record, "answer");
        JsonNode tokens = JsonFields.object(record, "tokens");
        Sample sample = new Sample(
                0,
                0,
                0,
                JsonFields.integer(record, "index", 0),
                JsonFields.integer(record, "round", 0),
                text,
                thinking(record),
                JsonFields.bool(record, "truncated", false),
                answer == null
                        ? Answer.NONE
                        : new Answer(
                                JsonFields.text(answer, "text"),
                                JsonFields.text(answer, "extracted"),
                                JsonFields.text(answer, "key")),
                JsonFields.bool(record, "correct"),
                tokens == null
                        ? TokenCounts.UNKNOWN
                        : new TokenCounts(
                                JsonFields.integer(tokens, "total"),
                                JsonFields.integer(tokens, "thinking"),
                                JsonFields.bool(tokens, "estimated", false)),
                JsonFields.text(record, "finish_reason"),
                JsonFields.number(record, "score"),
                JsonFields.integer(record, "budget"),
                null,
                JsonFields.objectJson(record, "meta"));
        return new IngestedSample(
                JsonFields.requiredText(record, "problem"),
                JsonFields.text(record, "id"),
                JsonFields.text(record, "parent"),
                sample,
                steps(record, text.length()),
                segments(record, text.length()),
                record.has("file_correct") || !labelled ? JsonFields.bool(record, "file_correct") : sample.correct());
    }

    private static ThinkingSpan thinking(JsonNode record) {
        JsonNode span = JsonFields.object(record, "thinking");
        if (span == null) {
            return null;
        }
        Integer start = JsonFields.integer(span, "start");
        Integer end = JsonFields.integer(span, "end");
        if (start == null || end == null) {
            throw new RecordException("'thinking' needs both 'start' and 'end'");
        }
        return new ThinkingSpan(start, end);
    }

    private static List<Step> steps(JsonNode record, int textLength) {
        JsonNode array = JsonFields.array(record, "steps");
        List<Step> steps = new ArrayList<>();
        if (array != null) {
            for (JsonNode step : array) {
                int start = requiredOffset(step, "start", textLength, "steps");
                int end = requiredOffset(step, "end", textLength, "steps");
                steps.add(new Step(steps.size(), start, end, JsonFields.number(step, "score")));
            }
        }
        return steps;
    }

    private static List<Segment> segments(JsonNode record, int textLength) {
        JsonNode array = JsonFields.array(record, "segments");
        List<Segment> segments = new ArrayList<>();
        if (array != null) {
            for (JsonNode segment : array) {
                SegmentKind kind = SegmentKind.fromCode(JsonFields.requiredText(segment, "kind"));
                segments.add(new Segment(
                        segments.size(),
                        kind,
                        requiredOffset(segment, "start", textLength, "segments"),
                        requiredOffset(segment, "end", textLength, "segments"),
                        JsonFields.text(segment, "detail")));
            }
        }
        return segments;
    }

    private static int requiredOffset(JsonNode item, String field, int textLength, String list) {
        Integer offset = JsonFields.integer(item, field);
        if (offset == null || offset < 0 || offset > textLength) {
            throw new RecordException("each of '" + list + "' needs '" + field + "' between 0 and the text's length "
                    + textLength + ", got " + offset);
        }
        return offset;
    }

    private static IngestedTreeNode treeNode(JsonNode record) {
        TreeNode node = new TreeNode(
                0,
                0,
                0,
                null,
                JsonFields.text(record, "key"),
                JsonFields.integer(record, "iteration"),
                JsonFields.text(record, "step_text"),
                JsonFields.number(record, "value"),
                JsonFields.integer(record, "visits"),
                JsonFields.number(record, "prior"),
                JsonFields.number(record, "reward"),
                JsonFields.bool(record, "terminal", false),
                JsonFields.bool(record, "pruned", false),
                JsonFields.text(record, "answer"),
                JsonFields.bool(record, "correct"),
                JsonFields.objectJson(record, "meta"));
        return new IngestedTreeNode(
                JsonFields.requiredText(record, "problem"),
                JsonFields.requiredText(record, "id"),
                JsonFields.text(record, "parent"),
                node);
    }
}
