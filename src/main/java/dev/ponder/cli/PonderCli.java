package dev.ponder.cli;

import dev.ponder.core.PonderVersion;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.replay.ReplayException;
import dev.ponder.core.settings.LogFiles;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.store.WorkspaceException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code ponder} command and its subcommands. */
@Command(
        name = "ponder",
        mixinStandardHelpOptions = true,
        versionProvider = PonderCli.Version.class,
        description = {
            "Ponder: a workbench for test-time scaling research on reasoning models.",
            "With no command, opens the window. With a command, works headless."
        })
public final class PonderCli implements Runnable {
    /** Exit status for failures the user can act on: a missing file, a foreign workspace, a bad record. */
    static final int FAILED = 1;
    /** Done in part: an import that left out records or files (said, each with why). */
    static final int PARTIAL = 3;

    /** The commands, in the order the usage lists them (and picocli's help). */
    private static final List<Class<?>> COMMANDS = List.of(
            InfoCommand.class,
            ImportCommand.class,
            ExportRunCommand.class,
            RegradeCommand.class,
            CompareCommand.class,
            ComputeOptimalCommand.class,
            AgreementCommand.class,
            JudgeCommand.class,
            StatsCommand.class,
            SearchCommand.class,
            TagCommand.class,
            ExportSamplesCommand.class,
            ExportChartCommand.class,
            ExportTreeCommand.class,
            ReplayCommand.class,
            ServerCommand.class,
            CommandLine.HelpCommand.class);

    @Spec
    private CommandSpec spec;

    /**
     * Runs the command line and returns the exit status. What Ponder logs (warnings, their details) goes to the log
     * files in Ponder's folder, not to the terminal: the terminal gets one sentence per failure.
     */
    public static int execute(String... args) {
        if (!(args.length == 1 && isVersion(args[0]))) {
            logToFiles(); // saying the version logs nothing, and starts faster without the log files
        }
        return commandLine(args.length == 0 ? null : args[0]).execute(args);
    }

    /** Whether a word names one of the commands. */
    public static boolean isCommand(String word) {
        return COMMANDS.stream().anyMatch(command -> name(command).equals(word));
    }

    private static boolean isVersion(String word) {
        return "--version".equals(word) || "-V".equals(word);
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static void logToFiles() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler handler : root.getHandlers()) {
            if (handler instanceof java.util.logging.ConsoleHandler) {
                root.removeHandler(handler);
            }
        }
        try {
            LogFiles.install(PonderHome.resolve().logsDir());
        } catch (java.io.IOException | RuntimeException e) {
            // without a log folder, the details are lost; the sentences still reach the terminal
        }
    }

    /** The command line with Ponder's error handling, for callers that set their own output streams. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only the command this first word names (picocli reflects over every command it is
     * given, half a second for all of them at each start), or with all of them when it names none or help.
     */
    static CommandLine commandLine(String first) {
        CommandLine commandLine = new CommandLine(new PonderCli());
        boolean version = isVersion(first);
        boolean all = first == null || !isCommand(first) || first.equals("help");
        for (Class<?> command : COMMANDS) {
            if (!version && (all || name(command).equals(first))) { // the version needs no command at all
                commandLine.addSubcommand(command);
            }
        }
        commandLine.setExecutionExceptionHandler((error, cli, parseResult) -> {
            PrintWriter err = cli.getErr();
            if (error instanceof WorkspaceException
                    || error instanceof ImportException
                    || error instanceof ReplayException) {
                err.println("ponder: " + error.getMessage());
            } else {
                java.util.logging.Logger.getLogger(PonderCli.class.getName())
                        .log(java.util.logging.Level.SEVERE, "An unexpected error stopped the command", error);
                err.println("ponder: an error Ponder did not expect stopped the command; the details are in "
                        + LogFiles.current(PonderHome.resolve().logsDir()) + " (please send them with a report).");
            }
            err.flush();
            return FAILED;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Ponder " + PonderVersion.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
