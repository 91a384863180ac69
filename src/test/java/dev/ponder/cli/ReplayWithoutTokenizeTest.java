package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.service.Stored;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budget forcing against a server with no {@code /tokenize} (as Ollama's /v1, LM Studio and hosted APIs are): the
 * thinking is counted from the server's own usage, so the stored counts are exact and the cap holds. The loopback
 * server tokenizes one character per token and thinks forty characters before it ends its thinking.
 */
class ReplayWithoutTokenizeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSISTANT = "<|im_start|>assistant\n";
    private static final int THOUGHT = 40;

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<Integer> completionUsage = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void budgetForcingIsExactOnAServerWithoutTokenize() throws Exception {
        String url = serve();
        Path problems = Files.writeString(
                dir.resolve("problems.jsonl"),
                "{\"key\": \"p1\", \"question\": \"What is 2 + 3?\", \"gold\": \"5\"}\n");
        String workspace = dir.resolve("w.ponder").toString();
        int status = cli.run(
                "replay",
                "-w",
                workspace,
                "--problems-file",
                problems.toString(),
                "-b",
                "16,64",
                "--extensions",
                "1",
                "--server",
                url,
                "--server-model",
                "char-model",
                "--temperature",
                "0",
                "--json");
        assertThat(status).as(cli.err()).isZero();
        assertThat(paths)
                .contains("/tokenize")
                .as("asked once, then the usage")
                .filteredOn("/tokenize"::equals)
                .hasSize(1);

        JsonNode made = JSON.readTree(cli.out());
        try (WorkspaceServices opened =
                WorkspaceServices.open(Path.of(workspace), new PonderHome(dir.resolve("home")))) {
            Sample capped = onlySample(opened, made.get("runs").get(0).get("id").asLong());
            Sample extended =
                    onlySample(opened, made.get("runs").get(1).get("id").asLong());
            assertThat(capped.tokens().thinking())
                    .as("the budget of 16 holds exactly")
                    .isEqualTo(16);
            assertThat(capped.thinkingText()).hasSize(16);
            // Forty characters of thought, "Wait" (4 tokens here), then the model ends again at once.
            assertThat(extended.tokens().thinking()).isEqualTo(THOUGHT + 4);
            assertThat(extended.thinkingText()).hasSize(THOUGHT + 4).endsWith("Wait");
            assertThat(extended.tokens().estimated()).isFalse();
            var run = opened.runs()
                    .find(made.get("runs").get(0).get("id").asLong())
                    .orElseThrow();
            assertThat(run.params())
                    .containsEntry(
                            "token_counting", "the server's usage (prompt_tokens), as the server has no /tokenize");
        }
    }

    private static Sample onlySample(WorkspaceServices opened, long runId) {
        return Stored.in(opened).read(tables -> {
            List<Sample> all = new ArrayList<>();
            for (Problem problem : tables.problems().ofRun(runId)) {
                all.addAll(tables.samples().ofProblem(runId, problem.id()));
            }
            assertThat(all).hasSize(1);
            return all.get(0);
        });
    }

    /** A server that thinks in characters: one character a token, usage always reported, no /tokenize. */
    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try {
                paths.add(exchange.getRequestURI().getPath());
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                if (exchange.getRequestURI().getPath().endsWith("/completions")) {
                    complete(exchange, body);
                } else {
                    send(exchange, 404, "{\"detail\":\"Not Found\"}");
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void complete(HttpExchange exchange, JsonNode body) throws IOException {
        String prompt = body.path("prompt").asText();
        int max = body.path("max_tokens").asInt();
        int at = prompt.lastIndexOf(ASSISTANT);
        String said = at < 0 ? "" : prompt.substring(at + ASSISTANT.length());
        String next;
        String finish;
        if (!said.contains("<think>")) {
            next = "<think>\n".substring(said.length());
            finish = "stop";
        } else if (!said.contains("</think>")) {
            long thought = said.chars().filter(c -> c == 'x').count();
            next = "x".repeat((int) Math.max(0, THOUGHT - thought));
            finish = "stop"; // then "</think>", a stop string: the server stops before it
        } else {
            next = "The answer is \\boxed{5}";
            finish = "stop";
        }
        String text = next.length() > max ? next.substring(0, max) : next;
        if (next.length() > max) {
            finish = "length";
        }
        int promptTokens = prompt.length();
        if (!body.path("stream").asBoolean()) {
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .put("text", text)
                    .put("finish_reason", finish);
            answer.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", text.length());
            send(exchange, 200, answer.toString());
            return;
        }
        completionUsage.add(text.length());
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < text.length(); i++) {
            ObjectNode chunk = JSON.createObjectNode();
            chunk.putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .put("text", text.substring(i, i + 1))
                    .putNull("finish_reason");
            out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode last = JSON.createObjectNode();
        last.putArray("choices").addObject().put("index", 0).put("text", "").put("finish_reason", finish);
        out.write(("data: " + last + "\n\n").getBytes(StandardCharsets.UTF_8));
        ObjectNode usage = JSON.createObjectNode();
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", text.length());
        out.write(("data: " + usage + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
