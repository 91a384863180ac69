package dev.ponder.core.ingest.read;

import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.IngestedSample;
import dev.ponder.core.ingest.record.IngestedTreeNode;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parquet files of any of the JSON formats' shapes (Hugging Face datasets such as search-and-learn pushes and
 * OpenR1-Math, lighteval details of both schema generations). DuckDB reads the file and hands each row over
 * as a JSON record; the first row decides which reader takes the rows, exactly as it would for a JSON file,
 * and the rows stream to it, so memory stays bounded.
 */
public final class ParquetReader implements RunReader {
    public static final String FORMAT = "parquet";
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final List<RunReader> recordReaders;

    /** @param recordReaders the readers that may take the rows, asked in order */
    public ParquetReader(List<RunReader> recordReaders) {
        this.recordReaders = List.copyOf(recordReaders);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Parquet of any of these shapes (Hugging Face datasets, lighteval details)";
    }

    @Override
    public boolean recognises(FileHead head) {
        return isParquet(head);
    }

    @Override
    public void read(InputStream ignored, ReadContext context, SampleSink sink) throws IOException {
        try (Connection duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
                PreparedStatement query = duckdb.prepareStatement("SELECT to_json(t) FROM read_parquet(?) t")) {
            query.setString(1, context.file().toAbsolutePath().toString());
            query.setFetchSize(256);
            try (ResultSet rows = query.executeQuery()) {
                RowStream stream = new RowStream(rows);
                FileHead firstRow = new FileHead(context.fileName(), stream.peek());
                RunReader reader = chooseFor(firstRow, context);
                reader.read(stream, context, new NamingRecordsFormat(sink, reader.format()));
            }
        } catch (SQLException e) {
            throw new ImportException(context.fileName(), null, "cannot read the Parquet file: " + e.getMessage(), e);
        }
    }

    /** Whether the head is a Parquet file's. */
    public static boolean isParquet(FileHead head) {
        byte[] bytes = head.bytes();
        return bytes.length >= MAGIC.length
                && bytes[0] == MAGIC[0]
                && bytes[1] == MAGIC[1]
                && bytes[2] == MAGIC[2]
                && bytes[3] == MAGIC[3];
    }

    /** The first rows of a Parquet file as JSON records (for the mapping dialog, and to see which reader takes them). */
    public static List<String> firstRows(Path file, int limit) {
        try (Connection duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
                PreparedStatement query = duckdb.prepareStatement("SELECT to_json(t) FROM read_parquet(?) t LIMIT ?")) {
            query.setString(1, file.toAbsolutePath().toString());
            query.setInt(2, limit);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ImportException(
                    String.valueOf(file.getFileName()), null, "cannot read the Parquet file: " + e.getMessage(), e);
        }
    }

    /** The reader that would take rows like this first one, if any. */
    public java.util.Optional<RunReader> readerFor(FileHead firstRow) {
        return recordReaders.stream()
                .filter(reader -> reader.recognises(firstRow))
                .findFirst();
    }

    private RunReader chooseFor(FileHead firstRow, ReadContext context) {
        if (context.mapping() != null) {
            return new GenericReader();
        }
        return readerFor(firstRow)
                .orElseThrow(() -> new ImportException(
                        context.fileName(),
                        null,
                        "the Parquet rows (columns "
                                + JsonHead.of(firstRow).keys() + ") match no format Ponder knows; give a field mapping "
                                + "(ponder import --map trace=COLUMN ...)"));
    }

    /** Passes everything on, adding which reader took the rows to the run's parameters once the run is announced. */
    private static final class NamingRecordsFormat implements SampleSink {
        private final SampleSink target;
        private final String format;

        NamingRecordsFormat(SampleSink target, String format) {
            this.target = target;
            this.format = format;
        }

        @Override
        public void run(RunHeader header) {
            target.run(header);
            target.runDetails(new RunHeader(null, null, null, Map.of("parquet_records", format), null, null));
        }

        @Override
        public void runDetails(RunHeader details) {
            target.runDetails(details);
        }

        @Override
        public void problem(dev.ponder.core.model.Problem problem) {
            target.problem(problem);
        }

        @Override
        public void sample(IngestedSample sample) {
            target.sample(sample);
        }

        @Override
        public void treeNode(IngestedTreeNode node) {
            target.treeNode(node);
        }

        @Override
        public void problemReference(String problemKey, String json) {
            target.problemReference(problemKey, json);
        }

        @Override
        public void skipped(String location, String reason) {
            target.skipped(location, reason);
        }
    }

    /** The result rows as a stream of JSON lines, fetched as the reader reads. */
    private static final class RowStream extends InputStream {
        private final ResultSet rows;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        RowStream(ResultSet rows) {
            this.rows = rows;
        }

        /** The first row's bytes, without consuming them; empty when the file has no rows. */
        byte[] peek() throws IOException {
            fill();
            return current.clone();
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        private boolean fill() throws IOException {
            if (position < current.length) {
                return true;
            }
            if (ended) {
                return false;
            }
            try {
                if (!rows.next()) {
                    ended = true;
                    return false;
                }
                current = (rows.getString(1) + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
                return true;
            } catch (SQLException e) {
                throw new IOException("reading Parquet rows failed: " + e.getMessage(), e);
            }
        }
    }
}
