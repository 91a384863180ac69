package dev.ponder.cli;

import dev.ponder.core.settings.PonderHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;

/**
 * Runs {@code ponder} commands in a test, their output captured, with Ponder's folder moved to a test folder for
 * each test and put back after it.
 */
final class CliRun implements BeforeEachCallback, AfterEachCallback {
    private final Supplier<Path> home;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String previousHome;

    /** @param home Ponder's folder for the test, asked for when the test starts (a {@code @TempDir} is set by then) */
    CliRun(Supplier<Path> home) {
        this.home = home;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        previousHome = System.getProperty(PonderHome.PROPERTY);
        System.setProperty(PonderHome.PROPERTY, home.get().toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (previousHome == null) {
            System.clearProperty(PonderHome.PROPERTY);
        } else {
            System.setProperty(PonderHome.PROPERTY, previousHome);
        }
    }

    /** Runs the command line and returns its exit status. */
    int run(String... args) {
        CommandLine commandLine = PonderCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /**
     * Imports the run file into a new workspace {@code w.ponder} in {@code dir}, fails the test if that fails, and
     * forgets the import's output; returns the workspace's path.
     */
    String importInto(Path dir, Path run) {
        String workspace = dir.resolve("w.ponder").toString();
        int status = run("import", run.toString(), "-w", workspace);
        if (status != 0) {
            throw new AssertionError("importing " + run + " exited with " + status + ": " + err());
        }
        clearOut();
        return workspace;
    }

    /** What the commands printed on standard output so far. */
    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Forgets the output so far, so that the next command's stands alone. */
    void clearOut() {
        out.getBuffer().setLength(0);
    }
}
