package dev.ponder.core.ingest.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JSON Lines file's first records, however long, read with a streaming parser and written back small: every field
 * name and number kept, each text cut to {@value #TEXT} characters and each list to its first {@value #ITEMS} items. What
 * recognising a format needs (the field names, the shape) survives; the megabytes of completions do not.
 *
 * @param capped the records were longer than the cap, and the text ends where the cap cut them
 */
record CondensedRecords(String text, boolean capped) {
    static final int TEXT = 256;
    static final int ITEMS = 8;
    private static final int RECORDS = 2;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(10_000)
                    .build())
            .build();

    /** Whether the bytes open a JSON object and hold no line break: a JSON Lines record longer than the head. */
    static boolean startsWithLongJsonLine(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r')) {
            i++;
        }
        if (i >= head.length || head[i] != '{') {
            return false;
        }
        for (int j = i; j < head.length; j++) {
            if (head[j] == '\n') {
                return false;
            }
        }
        return true;
    }

    /** The first records of {@code file}, reading at most {@code cap} bytes. */
    static CondensedRecords of(Path file, long cap) throws IOException {
        StringWriter out = new StringWriter();
        boolean capped = false;
        try (FirstBytes in = new FirstBytes(Files.newInputStream(file), cap);
                JsonParser parser = FACTORY.createParser(in);
                JsonGenerator writer = FACTORY.createGenerator(out)) {
            writer.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            try {
                for (int record = 0; record < RECORDS && parser.nextToken() != null; record++) {
                    copy(parser, writer);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException stop) {
                // cut by the cap, or a second record that is not JSON: the records so far are the head
                capped = in.exhausted();
            }
            writer.flush();
        }
        return new CondensedRecords(out.toString(), capped);
    }

    private static void copy(JsonParser parser, JsonGenerator writer) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            writer.writeStartObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                writer.writeFieldName(parser.currentName());
                parser.nextToken();
                copy(parser, writer);
            }
            writer.writeEndObject();
        } else if (token == JsonToken.START_ARRAY) {
            writer.writeStartArray();
            int items = 0;
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY && item != null; ) {
                if (items++ < ITEMS) {
                    copy(parser, writer);
                } else {
                    parser.skipChildren();
                }
                item = parser.nextToken();
            }
            writer.writeEndArray();
        } else if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            writer.writeString(text.length() > TEXT ? text.substring(0, TEXT) : text);
        } else {
            writer.copyCurrentEvent(parser);
        }
    }
}
