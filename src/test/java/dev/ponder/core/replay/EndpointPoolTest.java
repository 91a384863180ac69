package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests spread over replicas by the room each has; a server that fails rests, then is tried alone, then is back. */
class EndpointPoolTest {
    private final AtomicLong now = new AtomicLong();
    private final EndpointPool pool = new EndpointPool(
            List.of(URI.create("http://a/v1/"), URI.create("http://b/v1/"), URI.create("http://c/v1/")), now::get);

    private static String name(EndpointPool.Endpoint e) {
        return e.base.getHost();
    }

    @Test
    void eachRequestGoesToTheServerWithTheFewestInFlight() {
        List<String> taken = new ArrayList<>();
        List<EndpointPool.Endpoint> held = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            EndpointPool.Endpoint e = pool.take();
            held.add(e);
            taken.add(name(e));
        }
        assertThat(taken).containsExactly("a", "b", "c", "a", "b", "c");
        pool.done(held.get(1), true); // b has room again
        pool.done(held.get(4), true);
        assertThat(name(pool.take())).isEqualTo("b");
    }

    @Test
    void aFailedServerRestsThenTakesOneRequestAloneThenIsBackOnceItSucceeds() {
        pool.take();
        EndpointPool.Endpoint b = pool.take();
        pool.take();
        pool.take(); // a again: a has 2, b 1, c 1
        assertThat(name(b)).isEqualTo("b");
        pool.done(b, false);
        assertThat(pool.otherAvailable(b)).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(name(pool.take())).as("b rests").isNotEqualTo("b");
        }
        now.addAndGet(EndpointPool.FIRST_REST.toNanos());
        EndpointPool.Endpoint probe = pool.take();
        assertThat(name(probe)).as("b, rested and idle, gets one request").isEqualTo("b");
        assertThat(name(pool.take())).as("and only one while it is on trial").isNotEqualTo("b");
        pool.done(probe, false);
        now.addAndGet(EndpointPool.FIRST_REST.toNanos());
        assertThat(name(pool.take()))
                .as("a second failure rests it twice as long")
                .isNotEqualTo("b");
        now.addAndGet(EndpointPool.FIRST_REST.toNanos());
        EndpointPool.Endpoint again = pool.take();
        assertThat(name(again)).isEqualTo("b");
        pool.done(again, true);
        assertThat(List.of(name(pool.take()), name(pool.take())))
                .as("back in the pool")
                .contains("b");
    }

    @Test
    void whenEveryServerRestsTheOneWhoseRestEndsFirstIsTried() {
        EndpointPool.Endpoint a = pool.take();
        EndpointPool.Endpoint b = pool.take();
        EndpointPool.Endpoint c = pool.take();
        pool.done(b, false);
        now.addAndGet(1);
        pool.done(a, false);
        pool.done(c, false);
        assertThat(name(pool.take())).isEqualTo("b");
    }

    @TempDir
    Path dir;

    /** The issue's figure: 200 samples over three servers, one of which dies halfway: all 200 are stored. */
    @Test
    void aReplayOverThreeServersOneOfWhichDiesHalfwayStoresEverySample() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            lines.append("{\"key\":\"p")
                    .append(i)
                    .append("\",\"question\":\"What is ")
                    .append(i)
                    .append("?\",\"gold\":\"5\"}\n");
        }
        List<Problem> problems = ProblemsFile.read(Files.writeString(dir.resolve("problems.jsonl"), lines));
        Duration idle = Duration.ofMillis(500);
        try (LoopbackServer a = new LoopbackServer(LoopbackServer.Flavor.VLLM, idle, 1);
                LoopbackServer b = new LoopbackServer(LoopbackServer.Flavor.VLLM, idle, 2);
                LoopbackServer c = new LoopbackServer(LoopbackServer.Flavor.VLLM, idle, 3);
                Workspace w = Workspace.create(dir.resolve("w.ponder"))) {
            OpenAiCompatible pooled = new OpenAiCompatible(new OpenAiCompatible.Connection(
                    List.of(URI.create(a.url()), URI.create(b.url()), URI.create(c.url())),
                    "scripted",
                    null,
                    Duration.ofSeconds(5),
                    4,
                    Duration.ofMillis(20),
                    idle));
            ReplayRequest request = new ReplayRequest(
                    "pool",
                    ReplayStrategy.SAMPLING,
                    problems,
                    List.of(),
                    2,
                    1,
                    new BudgetForcing.Params(0, 0, "Wait", 0, "Final Answer:", 64, 256),
                    0.8,
                    1.0,
                    7,
                    12,
                    null,
                    null,
                    false);
            Thread killer = LoopbackServer.killWhen(b, 1000, List.of(a, b, c));
            WorkspaceReplay.Outcome outcome = new WorkspaceReplay(w, dir.resolve("journals"), Graders.MATH)
                    .run(request, pooled, PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE);
            killer.join(1000);

            assertThat(outcome.failures()).isEmpty();
            assertThat(b.completions()).as("b served until it died").isGreaterThan(100);
            assertThat(a.completions() + c.completions())
                    .as("a and c served the rest")
                    .isGreaterThan(1000);
            long runId = outcome.runIds().get(0);
            Run run = w.read(tables -> tables.runs().find(runId)).orElseThrow();
            assertThat(run.params().get("backend"))
                    .contains(a.url(), b.url(), c.url())
                    .contains("a pool of 3");
            List<Sample> samples = w.read(tables -> {
                List<Sample> all = new ArrayList<>();
                for (Problem p : tables.problems().ofRun(runId)) {
                    all.addAll(tables.samples().ofProblem(runId, p.id()));
                }
                return all;
            });
            assertThat(samples)
                    .hasSize(200)
                    .allSatisfy(s -> assertThat(s.finishReason()).isEqualTo("stop"));
            Set<String> places = new HashSet<>();
            samples.forEach(s -> places.add(s.problemId() + "#" + s.index()));
            assertThat(places).as("none twice").hasSize(200);
        }
    }
}
