package dev.ponder.core.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.read.ParquetReader;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.SampleSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first few records of a JSON, JSON Lines or CSV file, read without reading the rest, for the mapping
 * dialog to show and to learn field paths from; and where the records of a JSON document may be.
 */
public final class RecordSample {
    /** Where records are: the file's own records (JSON Lines, a list, one object). */
    public static final String FILE_RECORDS = "";
    /** Where records are: the values of a top-level object keyed by problem id. */
    public static final String KEYED_VALUES = "*";

    private static final CsvMapper CSV = new CsvMapper();

    /** Thrown by the collecting sink once enough records were seen, to stop reading. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    private RecordSample() {}

    /**
     * The first {@code limit} records at {@code records} ({@link #FILE_RECORDS}, {@link #KEYED_VALUES}, or a
     * top-level field holding a list). A keyed value comes back as an object with its key under {@code _key}.
     */
    public static List<JsonNode> first(Path file, String records, int limit) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        String name = String.valueOf(file.getFileName());
        SampleSink ignoring = new IgnoringSink();
        FileHead head = FileHead.of(file);
        if (ParquetReader.isParquet(head)) {
            List<JsonNode> rows = new ArrayList<>();
            for (String row : ParquetReader.firstRows(file, limit)) {
                rows.add(Json.MAPPER.readTree(row));
            }
            return rows;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String text = head.text().stripLeading();
            if (!text.startsWith("{") && !text.startsWith("[")) {
                return csv(in, limit);
            }
            JsonRecords.Handler collect = (record, key, location) -> {
                if (key != null && record.isObject()) {
                    ObjectNode keyed = Json.MAPPER.createObjectNode().put("_key", key);
                    keyed.setAll((ObjectNode) record);
                    record = keyed;
                }
                found.add(record);
                if (found.size() >= limit) {
                    throw new Enough();
                }
            };
            if (KEYED_VALUES.equals(records)) {
                JsonRecords.entries(in, name, ignoring, collect);
            } else if (records != null && !records.isBlank()) {
                JsonRecords.inside(in, name, records, ignoring, collect);
            } else {
                JsonRecords.each(in, name, ignoring, collect);
            }
        } catch (Enough enough) {
            // The sample is complete.
        }
        return found;
    }

    /**
     * Where records may be in this file: always {@link #FILE_RECORDS}; for one JSON object also
     * {@link #KEYED_VALUES} and each top-level field that holds a list, in file order.
     */
    public static List<String> locations(FileHead head) {
        List<String> locations = new ArrayList<>(List.of(FILE_RECORDS));
        String text = head.text().stripLeading();
        if (!text.startsWith("{") || JsonRecords.isJsonLines(text)) {
            return locations;
        }
        locations.add(KEYED_VALUES);
        try (JsonParser parser = Json.FACTORY.createParser(text)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY) {
                    locations.add(field);
                }
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // The head ends inside a value: the fields seen so far are the candidates.
        }
        return locations;
    }

    private static List<JsonNode> csv(InputStream in, int limit) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> values = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(in)) {
            while (rows.size() < limit && values.hasNextValue()) {
                ObjectNode row = Json.MAPPER.createObjectNode();
                values.nextValue().forEach(row::put);
                rows.add(row);
            }
        } catch (RuntimeException e) {
            // A broken row ends the sample; the import itself reports it with its row number.
        }
        return rows;
    }
}
