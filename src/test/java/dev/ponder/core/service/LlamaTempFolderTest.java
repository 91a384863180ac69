package dev.ponder.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * llama.cpp's binding deletes the files named llama* and jllama* in the folder it unpacks into, on its first load in
 * a process. Ponder hands it a folder of its own, so another program's file in the system's temporary folder survives
 * a replay from the command line, and Test Connection and a replay through the services (what the Replay screen
 * uses). Each runs in a fresh JVM whose temporary folder holds such a file, since the binding loads once per process.
 */
class LlamaTempFolderTest {
    @TempDir
    Path dir;

    @Test
    void aReplayFromTheCommandLineLeavesOtherProgramsFilesAlone() throws Exception {
        Path problems = Files.writeString(
                dir.resolve("problems.jsonl"),
                "{\"key\": \"p1\", \"question\": \"What is 2 + 3?\", \"gold\": \"5\"}\n");
        Process run = fork(
                "dev.ponder.Main",
                "replay",
                "-w",
                dir.resolve("w.ponder").toString(),
                "--problems-file",
                problems.toString(),
                "-b",
                "8",
                "--threads",
                "2");
        assertSurvives(run);
    }

    @Test
    void testConnectionAndAReplayThroughTheServicesLeaveThemAloneToo() throws Exception {
        Process run = fork(
                ReplayInFreshProcess.class.getName(), dir.resolve("w.ponder").toString());
        assertSurvives(run);
    }

    private Process fork(String main, String... args) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("system-tmp"));
        Files.writeString(tmp.resolve("llama-test.txt"), "another program's file");
        Files.writeString(tmp.resolve("llama-server.log"), "another program's log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-Dponder.home=" + dir.resolve("home"),
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
    }

    private void assertSurvives(Process run) throws Exception {
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("out.txt"));
        assertThat(run.exitValue()).as(output).isZero();
        Path tmp = dir.resolve("system-tmp");
        assertThat(tmp.resolve("llama-test.txt")).as(output).exists();
        assertThat(tmp.resolve("llama-server.log")).exists();
        assertThat(dir.resolve("home").resolve("cache").resolve("natives"))
                .as("Ponder's folder for the binding")
                .isDirectory();
    }

    @Test
    void withoutPondersFolderTheBindingWouldDeleteThem() throws Exception {
        Process run = fork(ReplayInFreshProcess.class.getName(), "--bare");
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("out.txt"));
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(dir.resolve("system-tmp").resolve("llama-test.txt"))
                .as("the hazard this guards against is real")
                .doesNotExist();
    }
}
