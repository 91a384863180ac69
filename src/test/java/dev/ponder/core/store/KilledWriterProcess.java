package dev.ponder.core.store;

import dev.ponder.core.model.Problem;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link KillDuringWriteTest}: commits one run, then writes a second one in a
 * transaction that never ends, flushing batches to disk, until the test kills the process.
 */
public final class KilledWriterProcess {
    private KilledWriterProcess() {}

    public static void main(String[] args) throws Exception {
        Workspace workspace = Workspace.open(Path.of(args[0]));
        Fixtures.writeRun(workspace, "committed", 5, 4);
        workspace.writeSql(connection -> {
            try (RunWriter writer = new RunWriter(connection)) {
                long run = writer.insertRun(Fixtures.run("killed mid-write"));
                long problem = writer.problemId(new Problem(0, "only/in/the/killed/run", null, "?", null, null));
                for (int i = 0; ; i++) {
                    Fixtures.writeSample(writer, run, problem, i, true);
                    if (i % 2000 == 1999) {
                        writer.flush();
                        if (i == 5999) {
                            System.out.println("WRITING");
                            System.out.flush();
                        }
                    }
                }
            }
        });
    }
}
