package dev.ponder.cli;

import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.SampleLine;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ponder import --dry-run}: the files are imported, by the same code as a real import, into a workspace of its
 * own in Ponder's cache folder, which is deleted afterwards; the user's workspace is not touched.
 */
final class DryRun {
    private static final int SHOWN = 3;

    private DryRun() {}

    /** A fresh workspace file in Ponder's cache folder. */
    static Path file(PonderHome home) throws IOException {
        Path cache = Files.createDirectories(home.nativesDir().resolveSibling("dry-run"));
        return cache.resolve("dry-run-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".ponder");
    }

    /** Deletes the dry run's workspace and SQLite's files beside it. */
    static void delete(Path workspace) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(workspace.resolveSibling(workspace.getFileName() + suffix));
            } catch (IOException e) {
                // left in Ponder's cache folder, which is Ponder's to clean
            }
        }
    }

    /** The first samples the import stored, as they were stored: problem, index, answer, verdict, tokens. */
    static void showFirstSamples(PrintWriter out, WorkspaceServices workspace, ImportResult result) {
        int shown = 0;
        for (Problem problem : workspace.runs().problems(result.runId())) {
            for (SampleLine line :
                    workspace.samples().ofProblem(result.runId(), problem.id()).lines()) {
                if (shown++ == SHOWN) {
                    return;
                }
                out.printf(
                        Locale.ROOT,
                        "  sample: problem %s, #%d%s: answer %s, %s, %s tokens, finish %s%s%n",
                        problem.key(),
                        line.index(),
                        line.round() > 1 ? " round " + line.round() : "",
                        line.answer() == null ? "none" : "\"" + line.answer() + "\"",
                        line.correct() == null ? "ungraded" : line.correct() ? "right" : "wrong",
                        line.tokens() == null ? "?" : line.tokens(),
                        line.finishReason() == null ? "?" : line.finishReason(),
                        line.score() == null ? "" : ", score " + line.score());
            }
        }
    }
}
