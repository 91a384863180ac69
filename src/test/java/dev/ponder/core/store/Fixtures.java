package dev.ponder.core.store;

import dev.ponder.core.model.Answer;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSource;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.TokenCounts;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small runs written straight through the store, for tests that are not about reading files. */
public final class Fixtures {
    public static final String TRACE =
            "<think>\n7 + 8 = 15, carry 1.\n\nWait, let me double-check the carry.\n</think>\n\\boxed{85}";

    private Fixtures() {}

    public static Run run(String name) {
        return new Run(
                0,
                name,
                new RunSource("/data/" + name + ".jsonl", "ponder-jsonl", "ab12"),
                Instant.parse("2026-11-20T10:15:30Z"),
                "qwen-7b",
                "best-of-n",
                Map.of("temperature", "0.8", "n", "2"),
                null,
                "file labels",
                "a note");
    }

    public static Sample sample(int index, boolean correct) {
        return sample(index, 0, correct);
    }

    public static Sample sample(int index, int round, boolean correct) {
        return new Sample(
                0,
                0,
                0,
                index,
                round,
                TRACE,
                new ThinkingSpan(8, 66),
                false,
                new Answer("\\boxed{85}", "85", "85"),
                correct,
                new TokenCounts(30, 22, false),
                "stop",
                0.75,
                4096,
                null,
                "{\"seed\":1}");
    }

    /** Writes a run with {@code problems} problems of {@code samplesEach} samples, every other one correct. */
    public static long writeRun(Workspace workspace, String name, int problems, int samplesEach) {
        return workspace.writeSql(connection -> {
            try (RunWriter writer = new RunWriter(connection)) {
                long runId = writer.insertRun(run(name));
                for (int p = 0; p < problems; p++) {
                    long problemId = writer.problemId(new Problem(
                            0, "arith/" + p, "arith", "What is " + p + " + 1?", String.valueOf(p + 1), null));
                    for (int s = 0; s < samplesEach; s++) {
                        writeSample(writer, runId, problemId, s, s % 2 == 0);
                    }
                }
                writer.finish();
                return runId;
            }
        });
    }

    /**
     * Writes a run with plain SQL in the columns schema version 1 has, as an older Ponder would have: for tests
     * that migrate old workspaces, where today's writer would use columns that do not exist yet.
     */
    public static long writeLegacyRun(Workspace workspace, String name, int problems, int samplesEach) {
        return workspace.writeSql(connection -> {
            Run run = run(name);
            long runId;
            try (var insert = connection.prepareStatement(
                    "INSERT INTO run(name, source_path, source_format, source_sha256, "
                            + "imported_at, model, strategy, params_json, grader, notes) VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)")) {
                insert.setString(1, run.name());
                insert.setString(2, run.source().path());
                insert.setString(3, run.source().format());
                insert.setString(4, run.source().sha256());
                insert.setString(5, run.importedAt().toString());
                insert.setString(6, run.model());
                insert.setString(7, run.strategy());
                insert.setString(8, run.grader());
                insert.setString(9, run.notes());
                insert.executeUpdate();
            }
            try (var id = connection.createStatement().executeQuery("SELECT max(id) FROM run")) {
                id.next();
                runId = id.getLong(1);
            }
            for (int p = 0; p < problems; p++) {
                long problemId;
                try (var problem = connection.prepareStatement(
                        "INSERT INTO problem(problem_key, dataset, question, gold_answer) "
                                + "VALUES (?, 'arith', ?, ?) ON CONFLICT(problem_key) DO UPDATE SET dataset = dataset RETURNING id")) {
                    problem.setString(1, "arith/" + p);
                    problem.setString(2, "What is " + p + " + 1?");
                    problem.setString(3, String.valueOf(p + 1));
                    try (var rows = problem.executeQuery()) {
                        rows.next();
                        problemId = rows.getLong(1);
                    }
                }
                for (int i = 0; i < samplesEach; i++) {
                    try (var sample =
                            connection.prepareStatement("INSERT INTO sample(run_id, problem_id, sample_index, round, "
                                    + "text, think_start, think_end, answer_text, extracted_answer, answer_key, correct, tokens_total, "
                                    + "tokens_thinking, finish_reason) VALUES (?, ?, ?, 0, ?, 8, 66, '\\boxed{85}', '85', '85', ?, 30, 22, "
                                    + "'stop')")) {
                        sample.setLong(1, runId);
                        sample.setLong(2, problemId);
                        sample.setInt(3, i);
                        sample.setString(4, TRACE);
                        sample.setInt(5, i % 2 == 0 ? 1 : 0);
                        sample.executeUpdate();
                    }
                }
            }
            return runId;
        });
    }

    static long writeSample(RunWriter writer, long runId, long problemId, int index, boolean correct)
            throws SQLException {
        long id = writer.reserveSampleId();
        writer.addSample(
                sample(index, correct).stored(id, runId, problemId, null),
                List.of(new Step(0, 8, 29, 0.9), new Step(1, 31, 66, 0.6)),
                List.of(new Segment(0, SegmentKind.INJECTED_WAIT, 31, 35, "extension 1")));
        return id;
    }
}
