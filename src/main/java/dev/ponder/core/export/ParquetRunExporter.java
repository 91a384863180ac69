package dev.ponder.core.export;

import dev.ponder.core.store.AnalysisRows;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A run's per-sample columns as Parquet, for a run that outgrows Ponder to go on in pandas, polars, DuckDB or Spark:
 * one row per sample (every round) with its problem's key, question and gold, its answer, verdict, token counts,
 * score, finish reason, budget and whether it was cut off; no trace text. The {@value #MARKER} column (the layout's
 * version) lets Ponder import the file back into the same figures. DuckDB writes the file, zstd-compressed.
 */
public final class ParquetRunExporter {
    /** The column that marks the layout, holding its version. */
    public static final String MARKER = "ponder_columns";

    public static final int VERSION = 1;

    private static final String TABLE = "samples";

    private final Workspace workspace;

    public ParquetRunExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes the run's samples to {@code out} (replacing it only once whole); returns how many were written. */
    public long export(long runId, Path out) {
        return AtomicFile.writePath(out, partial -> write(runId, partial, out));
    }

    private long write(long runId, Path partial, Path out) {
        try (Connection duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
                Statement statement = duckdb.createStatement()) {
            // an in-memory database; with no temporary folder it never spills into a folder that is not Ponder's
            statement.execute("SET temp_directory = ''");
            statement.execute("CREATE TABLE " + TABLE + " (" + MARKER + " INTEGER, problem VARCHAR, question VARCHAR, "
                    + "gold VARCHAR, sample_index INTEGER, round INTEGER, answer VARCHAR, correct BOOLEAN, "
                    + "tokens INTEGER, thinking_tokens INTEGER, score DOUBLE, finish_reason VARCHAR, budget INTEGER, "
                    + "truncated BOOLEAN)");
            long written;
            try (DuckDBAppender appender =
                    ((DuckDBConnection) duckdb).createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE)) {
                written = append(runId, appender);
            }
            statement.execute("COPY " + TABLE + " TO '" + partial.toString().replace("'", "''")
                    + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
            return written;
        } catch (SQLException e) {
            java.util.logging.Logger.getLogger(ParquetRunExporter.class.getName())
                    .log(java.util.logging.Level.WARNING, "DuckDB could not write " + out, e);
            throw new WorkspaceException(
                    WorkspaceException.Reason.FAILED,
                    workspace.file(),
                    "Cannot write " + out + " as Parquet; check that its folder exists and is writable (the log has"
                            + " the details).",
                    e);
        }
    }

    private long append(long runId, DuckDBAppender appender) {
        long[] written = {0};
        workspace.read(tables -> {
            tables.analysisRows().sampleColumns(runId, row -> {
                row(appender, row);
                written[0]++;
            });
            return null;
        });
        if (written[0] == 0
                && workspace.read(tables -> tables.runs().find(runId)).isEmpty()) {
            throw new WorkspaceException(
                    WorkspaceException.Reason.FAILED,
                    workspace.file(),
                    "There is no run " + runId + " in this workspace.");
        }
        return written[0];
    }

    private static void row(DuckDBAppender appender, AnalysisRows.SampleColumns row) throws SQLException {
        appender.beginRow();
        appender.append(VERSION);
        text(appender, row.problem());
        text(appender, row.question());
        text(appender, row.gold());
        appender.append(row.sampleIndex());
        appender.append(row.round());
        text(appender, row.answer());
        if (row.correct() == null) {
            appender.appendNull();
        } else {
            appender.append(row.correct().booleanValue());
        }
        number(appender, row.tokens());
        number(appender, row.thinkingTokens());
        if (row.score() == null || !Double.isFinite(row.score())) {
            appender.appendNull();
        } else {
            appender.append(row.score().doubleValue());
        }
        text(appender, row.finishReason());
        number(appender, row.budget());
        appender.append(row.truncated());
        appender.endRow();
    }

    private static void text(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static void number(DuckDBAppender appender, Integer value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.intValue());
        }
    }
}
