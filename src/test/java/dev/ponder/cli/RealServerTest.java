package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.service.Stored;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every strategy through {@code ponder replay} against a real server, when {@code PONDER_LLAMA_SERVER} names its base
 * URL (e.g. {@code http://127.0.0.1:8080/v1} for a {@code llama-server} serving the tiny reasoner), with
 * {@code PONDER_LLAMA_MODEL} its model name (default: the first it lists) and {@code PONDER_LLAMA_TEMPLATE} the prompt
 * template (default chatml). Skipped when no server is given.
 */
@EnabledIfEnvironmentVariable(named = "PONDER_LLAMA_SERVER", matches = ".+")
class RealServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--strategy budget-forcing -b 32,64 --extensions 1",
                "--strategy sampling -n 3",
                "--strategy multi-round --rounds 2",
                "--strategy first-finish -n 3",
                "--strategy branch --branch-sample arith/1 --at 12 -n 2"
            })
    void everyStrategyRunsAgainstTheRealServer(String strategy) throws Exception {
        String url = System.getenv("PONDER_LLAMA_SERVER");
        String model = System.getenv().getOrDefault("PONDER_LLAMA_MODEL", "tiny-reasoner");
        String template = System.getenv().getOrDefault("PONDER_LLAMA_TEMPLATE", "chatml");
        Path problems = Files.writeString(dir.resolve("problems.jsonl"), """
                {"key": "arith/1", "question": "What is 58 + 67?", "gold": "125"}
                {"key": "arith/2", "question": "What is 12 * 7?", "gold": "84"}
                """);
        String workspace = dir.resolve("w.ponder").toString();
        List<String> args = new ArrayList<>(List.of(
                "replay",
                "-w",
                workspace,
                "--server",
                url,
                "--server-model",
                model,
                "--template",
                template,
                "--max-thinking-tokens",
                "128",
                "--max-answer-tokens",
                "32",
                "--json"));
        if (strategy.contains("branch")) {
            int seeded = cli.run(
                    "replay",
                    "-w",
                    workspace,
                    "--problems-file",
                    problems.toString(),
                    "--server",
                    url,
                    "--server-model",
                    model,
                    "--template",
                    template,
                    "--strategy",
                    "sampling",
                    "-n",
                    "1",
                    "--max-thinking-tokens",
                    "64",
                    "--max-answer-tokens",
                    "16",
                    "--name",
                    "seed run");
            assertThat(seeded).as(cli.err()).isZero();
            args.add(1, "seed run");
        } else {
            args.addAll(List.of("--problems-file", problems.toString()));
        }
        args.addAll(List.of(strategy.split(" ")));
        int status = cli.run(args.toArray(String[]::new));
        assertThat(status).as(cli.err()).isZero();
        String out = cli.out();
        JsonNode made = JSON.readTree(out.substring(out.lastIndexOf("\n{") + 1));
        try (WorkspaceServices opened =
                WorkspaceServices.open(Path.of(workspace), new PonderHome(dir.resolve("home")))) {
            for (JsonNode r : made.get("runs")) {
                Run run = opened.runs().find(r.get("id").asLong()).orElseThrow();
                assertThat(run.params().get("backend")).contains(url);
                assertThat(run.params().get("token_counting")).contains("/tokenize");
                List<Sample> samples = Stored.in(opened).read(tables -> {
                    List<Sample> all = new ArrayList<>();
                    for (Problem p : tables.problems().ofRun(run.id())) {
                        all.addAll(tables.samples().ofProblem(run.id(), p.id()));
                    }
                    return all;
                });
                assertThat(samples).isNotEmpty().allSatisfy(s -> {
                    assertThat(s.tokens().estimated()).isFalse();
                    if (s.budget() != null && s.tokens().thinking() != null) {
                        assertThat(s.tokens().thinking()).isLessThanOrEqualTo(s.budget());
                    }
                });
            }
        }
    }
}
