package dev.ponder;

import dev.ponder.cli.PonderCli;
import dev.ponder.core.service.WorkspaceServices;

/**
 * {@code java -jar ponder.jar} opens the window; {@code java -jar ponder.jar COMMAND ...} runs a command
 * headless. Deliberately not a JavaFX {@code Application}, so the jar starts with JavaFX on the class path
 * and the command line never loads a toolkit.
 */
public final class Main {
    private Main() {}

    public static void main(String[] arguments) {
        String[] args = java.util.Arrays.stream(arguments).map(Main::fromUri).toArray(String[]::new);
        if (opensWindow(args)) {
            openWindow(args);
        } else {
            System.exit(PonderCli.execute(args));
        }
    }

    /**
     * No arguments, or only files and folders that exist (as a file manager passes them to the program a file is
     * opened with): a workspace to open, run files to import. Anything else is a command.
     */
    static boolean opensWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (PonderCli.isCommand(args[0]) || args[0].startsWith("-")) {
            return false;
        }
        return java.util.Arrays.stream(args)
                .allMatch(arg -> arg.endsWith(WorkspaceServices.FILE_EXTENSION)
                        || java.nio.file.Files.exists(java.nio.file.Path.of(arg)));
    }

    /** A file manager may hand over {@code file:///home/me/study.ponder} rather than a path. */
    static String fromUri(String argument) {
        if (argument.startsWith("file:/")) {
            try {
                return java.nio.file.Path.of(java.net.URI.create(argument)).toString();
            } catch (IllegalArgumentException notAFileUri) {
                return argument;
            }
        }
        return argument;
    }

    private static void openWindow(String[] args) {
        try {
            dev.ponder.app.PonderApp.launchWindow(args);
            // llama.cpp's worker thread is not a daemon (de.kherud:llama issue #116): once a replay has loaded a
            // model, the JVM would outlive the window without this.
            System.exit(0);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("ponder: cannot open the window (" + e.getMessage() + ").");
            System.err.println("Without a display, use a command instead: ponder --help");
            System.exit(1);
        }
    }
}
