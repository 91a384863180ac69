package dev.ponder.core.service;

import dev.ponder.core.replay.EmbeddedLlama;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.replay.TinyReasoner;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test Connection, then a replay through the services, on the tiny reasoner: run in a JVM of its own by a test. */
public final class ReplayInFreshProcess {
    private ReplayInFreshProcess() {}

    public static void main(String[] args) throws Exception {
        PonderHome home = PonderHome.resolve();
        if (args[0].equals("--bare")) {
            // The binding as it comes, in the system's temporary folder: what Ponder must not do.
            EmbeddedLlama.load(EmbeddedLlama.Settings.of(TinyReasoner.locate(home.modelsDir())))
                    .close();
            System.exit(0);
        }
        System.out.println(ReplayService.testConnection(ModelConnection.tinyReasoner(), home));
        Path problems = Files.writeString(
                home.dir().resolve("problems.jsonl"),
                "{\"key\": \"p1\", \"question\": \"What is 2 + 3?\", \"gold\": \"5\"}\n");
        try (WorkspaceServices workspace = WorkspaceServices.create(Path.of(args[0]), home)) {
            ReplayPlan plan = new ReplayPlan(
                    null,
                    ReplayStrategy.BUDGET_FORCING,
                    new ReplayPlan.Problems(null, List.<Long>of(), problems, List.<String>of(), null),
                    null,
                    List.of(8),
                    false,
                    ReplayPlan.forcing(0, ReplayPlan.WAIT_WORD, 0, ReplayPlan.ANSWER_PROMPT),
                    1,
                    1,
                    0,
                    1,
                    0,
                    1);
            ReplayService.Outcome outcome = workspace
                    .replays()
                    .run(
                            plan,
                            ModelConnection.tinyReasoner(),
                            null,
                            Choices.DEFAULT_GRADER,
                            null,
                            LiveText.NONE,
                            TaskContext.NONE);
            System.out.println("replayed " + outcome.samplesRun() + " samples into "
                    + outcome.runs().size() + " run");
        }
        // llama.cpp's worker thread is not a daemon: end the process once done.
        System.exit(0);
    }
}
