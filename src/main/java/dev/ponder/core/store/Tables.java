package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A workspace's tables as one read or one write transaction sees them: each repository reads and writes through
 * the same connection, so what one writes the next sees, and all of it commits or rolls back together.
 */
public final class Tables {
    private final Connection connection;

    Tables(Connection connection) {
        this.connection = connection;
    }

    public RunRepository runs() {
        return new RunRepository(connection);
    }

    public ProblemRepository problems() {
        return new ProblemRepository(connection);
    }

    public SampleRepository samples() {
        return new SampleRepository(connection);
    }

    public TagRepository tags() {
        return new TagRepository(connection);
    }

    public NoteRepository notes() {
        return new NoteRepository(connection);
    }

    public SavedFilterRepository savedFilters() {
        return new SavedFilterRepository(connection);
    }

    /** A model judge's verdicts on answer–gold pairs. */
    public JudgeVerdictRepository judgeVerdicts() {
        return new JudgeVerdictRepository(connection);
    }

    public TreeNodeRepository treeNodes() {
        return new TreeNodeRepository(connection);
    }

    public TraceSearch traceSearch() {
        return new TraceSearch(connection);
    }

    /** The compact columns and trace facts the figures are drawn from, and their cache. */
    public AnalysisRows analysisRows() {
        return new AnalysisRows(connection);
    }

    /** A run's rows in full, one pass per table, for writing it out. */
    public RunRows runRows() {
        return new RunRows(connection);
    }

    /** A writer of new runs. */
    public RunWriter runWriter() throws SQLException {
        return new RunWriter(connection);
    }
}
