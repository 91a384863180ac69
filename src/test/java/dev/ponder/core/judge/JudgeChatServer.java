package dev.ponder.core.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A judge model behind OpenAI's chat endpoint for tests: it streams "Yes" when the answer is the gold written
 * another way (√117 for 3√13, or the gold itself) and "No" otherwise, in the chunks, final usage and {@code [DONE]}
 * of the real wire format; answers it is told to refuse get the 400 a hosted API sends for a request it will not
 * take. It records the Authorization headers it was sent.
 */
public final class JudgeChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();

    public JudgeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    /** The base URL a connection is given. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public int requests() {
        return requests.get();
    }

    /** Refuses every question about this answer, until {@link #refuseNothing}. */
    public void refuse(String answer) {
        refused.add(answer);
    }

    public void refuseNothing() {
        refused.clear();
    }

    public Set<String> authorizations() {
        return authorizations;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void chat(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String question = body.path("messages").get(0).path("content").asText();
        String answer = question.replaceAll("(?s).*\\nANSWER: (.*?)\\n.*", "$1");
        String gold = question.replaceAll("(?s).*REFERENCE: (.*?)\\n.*", "$1");
        if (refused.contains(answer)) {
            byte[] error = ("{\"error\": {\"message\": \"This model's maximum context length is 8192 tokens\", "
                            + "\"type\": \"invalid_request_error\", \"code\": \"context_length_exceeded\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
            return;
        }
        String reply = answer.replace("\\sqrt{117}", "3\\sqrt{13}").equals(gold) ? "Yes" : "No";
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            event(
                    out,
                    "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                            + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
            event(
                    out,
                    "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                            + "\"delta\":{\"content\":\"" + reply + "\"}}]}");
            event(
                    out,
                    "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                            + "\"delta\":{},\"finish_reason\":\"stop\"}]}");
            event(
                    out,
                    "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                            + "\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":1,\"total_tokens\":91}}");
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
