package dev.ponder.core.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Ponder started as a researcher starts it, for the benchmarks that time whole processes: its command line, and its
 * window timed headless on Monocle ({@code dev.ponder.app.WindowTiming}); each a JVM of its own at {@code -Xmx512m}
 * with its own Ponder folder.
 */
final class BenchProcesses {
    private BenchProcesses() {}

    /**
     * Runs a command, noting in {@code at} when each printed line that {@code timed} picks came, in seconds from the
     * start; returns when the process ended.
     */
    static double ponderTimed(Path home, Predicate<String> timed, List<Double> at, String... args)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = java(home, List.of(), "dev.ponder.Main", args);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (timed.test(line)) {
                    at.add(seconds(started));
                }
            }
        }
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException("ponder " + String.join(" ", args) + " exited with " + status);
        }
        return seconds(started);
    }

    /** Runs a command as a process of its own; returns what it printed. */
    static String ponder(Path home, String... args) throws IOException, InterruptedException {
        Process process = java(home, List.of(), "dev.ponder.Main", args);
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException("ponder " + String.join(" ", args) + " exited with " + status);
        }
        return printed;
    }

    /** The window's timings ({@code WindowTiming} with these arguments): the line of JSON it printed. */
    static String windowTiming(Path home, String... args) throws IOException, InterruptedException {
        Process process = java(
                home,
                List.of(
                        "-Dtestfx.robot=glass",
                        "-Dtestfx.headless=true",
                        "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless",
                        "-Dprism.order=sw",
                        "-Dprism.text=t2k",
                        "-Djava.awt.headless=true"),
                "dev.ponder.app.WindowTiming",
                args);
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("the window's timing exited with " + process.exitValue());
        }
        return printed.lines()
                .filter(line -> line.startsWith("{"))
                .findFirst()
                .orElseThrow(() -> new IOException("the window's timing printed no figures: " + printed));
    }

    /** A JVM of Ponder's classes at {@code -Xmx512m}, its Ponder folder {@code home}, printing to us. */
    private static Process java(Path home, List<String> options, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PONDER_HOME", home.toString());
        return builder.start();
    }

    /** Deletes a Ponder folder the benchmark made for its processes, with everything in it. */
    static void deleteFolder(Path folder) throws IOException {
        try (var paths = java.nio.file.Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
