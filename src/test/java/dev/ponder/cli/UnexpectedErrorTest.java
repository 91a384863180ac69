package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.settings.PonderHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** An error Ponder did not foresee reaches the terminal as one sentence naming the log, never as a stack trace. */
class UnexpectedErrorTest {
    @TempDir
    Path dir;

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("an internal detail the user must not see");
        }
    }

    @Test
    void anUnexpectedErrorIsOneSentenceThatNamesTheLog() {
        String before = System.getProperty(PonderHome.PROPERTY);
        System.setProperty(PonderHome.PROPERTY, dir.resolve("home").toString());
        try {
            CommandLine commandLine = PonderCli.commandLine();
            commandLine.addSubcommand("boom", new CommandLine(new Boom()));
            StringWriter err = new StringWriter();
            commandLine.setErr(new PrintWriter(err, true));
            assertThat(commandLine.execute("boom")).isEqualTo(PonderCli.FAILED);
            assertThat(err.toString().strip())
                    .startsWith("ponder: an error Ponder did not expect stopped the command; the details are in ")
                    .contains(dir.resolve("home").resolve("logs").toString())
                    .doesNotContain("IllegalStateException")
                    .doesNotContain("internal detail")
                    .doesNotContain("\tat ");
            assertThat(err.toString().lines()).hasSize(1);
        } finally {
            if (before == null) {
                System.clearProperty(PonderHome.PROPERTY);
            } else {
                System.setProperty(PonderHome.PROPERTY, before);
            }
        }
    }
}
