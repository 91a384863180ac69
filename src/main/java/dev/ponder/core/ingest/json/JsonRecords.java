package dev.ponder.core.ingest.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.RecordException;
import dev.ponder.core.ingest.record.SampleSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams the records of a JSON file one at a time, whatever its layout, so memory follows the largest
 * record and not the file: JSON Lines, a top-level array, an object keyed by record id, or one object.
 * A record of the wrong shape is skipped with its location; a document that breaks off keeps the
 * complete records before the break.
 */
public final class JsonRecords {
    /** How much of the start is examined to tell JSON Lines from one pretty-printed document. */
    private static final int PEEK = 1 << 20;

    @FunctionalInterface
    public interface Handler {
        /**
         * One record; {@code key} is its key in a keyed object, else {@code null}. Throw {@link RecordException}
         * (or {@link IllegalArgumentException}) to have it skipped.
         */
        void record(JsonNode record, String key, String location) throws IOException;
    }

    private JsonRecords() {}

    /**
     * Every record of a file that is JSON Lines, a top-level array of records, or a single record object;
     * recognised by its first bytes.
     */
    public static void each(InputStream raw, String fileName, SampleSink sink, Handler handler) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, PEEK + 1);
        in.mark(PEEK);
        byte[] start = in.readNBytes(PEEK);
        in.reset();
        String text = new String(start, StandardCharsets.UTF_8).stripLeading().replace("\uFEFF", "");
        if (text.startsWith("[")) {
            array(in, fileName, sink, handler);
        } else if (isJsonLines(text)) {
            lines(in, fileName, sink, handler);
        } else {
            single(in, fileName, sink, handler);
        }
    }

    /** One record per line; blank lines are ignored, unreadable lines skipped with their number. */
    public static void lines(InputStream in, String fileName, SampleSink sink, Handler handler) throws IOException {
        JsonLines lines = new JsonLines(in);
        while (lines.advance()) {
            if (lines.isBlank()) {
                continue;
            }
            String location = "line " + lines.lineNumber();
            JsonNode record;
            try {
                record = lines.parse(Json.MAPPER);
            } catch (RecordException e) {
                sink.skipped(location, e.getMessage());
                continue;
            } catch (JsonProcessingException e) {
                sink.skipped(location, "not valid JSON: " + Json.reason(e));
                continue;
            }
            deliver(record, null, location, sink, handler);
        }
    }

    /** The values of a top-level object keyed by record id, e.g. SkyThought's {@code results.json}. */
    public static void entries(InputStream in, String fileName, SampleSink sink, Handler handler) throws IOException {
        try (JsonParser parser = Json.FACTORY.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException(fileName, location(parser), "expected a JSON object keyed by problem id");
            }
            try {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    String location = "entry \"" + key + "\" (" + location(parser) + ")";
                    parser.nextToken();
                    deliver(parser.readValueAsTree(), key, location, sink, handler);
                }
            } catch (JsonProcessingException e) {
                brokeOff(parser, e, sink);
            }
        }
    }

    /**
     * The records of a list held by a top-level field of one JSON object ({@code {"data": [...], ...}}),
     * streamed element by element.
     */
    public static void inside(InputStream in, String fileName, String field, SampleSink sink, Handler handler)
            throws IOException {
        try (JsonParser parser = Json.FACTORY.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException(
                        fileName, location(parser), "expected a JSON object with a '" + field + "' list");
            }
            int index = 0;
            try {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (!name.equals(field)) {
                        parser.skipChildren();
                        continue;
                    }
                    if (value != JsonToken.START_ARRAY) {
                        throw new ImportException(
                                fileName, location(parser), "'" + field + "' is not a list of records");
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        String location = "record " + (++index) + " (" + location(parser) + ")";
                        deliver(parser.readValueAsTree(), null, location, sink, handler);
                    }
                    return;
                }
            } catch (JsonProcessingException e) {
                brokeOff(parser, e, sink);
                return;
            }
            throw new ImportException(fileName, null, "the document has no top-level field '" + field + "'");
        }
    }

    private static void array(InputStream in, String fileName, SampleSink sink, Handler handler) throws IOException {
        try (JsonParser parser = Json.FACTORY.createParser(in)) {
            parser.nextToken();
            int index = 0;
            try {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) {
                        throw new ImportException(fileName, location(parser), "the JSON array never closes");
                    }
                    String location = "record " + (++index) + " (" + location(parser) + ")";
                    deliver(parser.readValueAsTree(), null, location, sink, handler);
                }
            } catch (JsonProcessingException e) {
                brokeOff(parser, e, sink);
            }
        }
    }

    private static void single(InputStream in, String fileName, SampleSink sink, Handler handler) throws IOException {
        JsonNode record;
        try (JsonParser parser = Json.FACTORY.createParser(in)) {
            try {
                record = parser.readValueAsTree();
            } catch (JsonProcessingException e) {
                throw new ImportException(fileName, location(parser), "not valid JSON: " + Json.reason(e), e);
            }
        }
        if (record == null) {
            throw new ImportException(fileName, null, "the file holds no JSON value");
        }
        deliver(record, null, "the record", sink, handler);
    }

    private static void deliver(JsonNode record, String key, String location, SampleSink sink, Handler handler)
            throws IOException {
        try {
            if (!record.isObject()) {
                throw new RecordException("expected a JSON object, got "
                        + record.getNodeType().name().toLowerCase());
            }
            handler.record(record, key, location);
        } catch (RecordException | IllegalArgumentException e) {
            sink.skipped(location, e.getMessage());
        }
    }

    /** A document that breaks off keeps what came before; the break is reported as one skipped record. */
    private static void brokeOff(JsonParser parser, JsonProcessingException e, SampleSink sink) {
        sink.skipped(
                location(parser),
                "the JSON breaks off here (" + Json.reason(e)
                        + "); the complete records before it were imported, nothing after it");
    }

    public static String location(JsonParser parser) {
        JsonLocation at = parser.currentLocation();
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** JSON Lines when the first line alone is a complete JSON object (a pretty-printed document's is not). */
    public static boolean isJsonLines(String text) {
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        if (!first.strip().startsWith("{")) {
            return false;
        }
        if (completeObject(first)) {
            return true;
        }
        if (newline < 0 || first.length() >= PEEK - 1) {
            return true; // a first line longer than the look: a long record, not a document's opening
        }
        // A pretty-printed document's first line ({"cases": [) is no whole record, nor is its second; a JSON Lines
        // file with a broken first record has a whole one on its second line.
        int next = text.indexOf('\n', newline + 1);
        String second =
                text.substring(newline + 1, next < 0 ? text.length() : next).strip();
        return second.startsWith("{") && completeObject(second);
    }

    private static boolean completeObject(String line) {
        try (JsonParser parser = Json.FACTORY.createParser(line)) {
            parser.readValueAsTree();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
