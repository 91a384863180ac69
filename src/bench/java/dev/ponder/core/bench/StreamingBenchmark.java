package dev.ponder.core.bench;

import com.sun.net.httpserver.HttpServer;
import dev.ponder.core.replay.Generation;
import dev.ponder.core.replay.GenerationRequest;
import dev.ponder.core.replay.OpenAiCompatible;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP back-end's streaming throughput: a loopback server answers {@code /v1/completions} in vLLM's
 * streaming format as fast as it can write, one token per event, and {@code streams} clients read at once.
 * Every stream's text is checked piece by piece, so a lost or reordered event counts as lost.
 */
public final class StreamingBenchmark {
    private static final Pattern MAX_TOKENS = Pattern.compile("\"max_tokens\"\\s*:\\s*(\\d+)");

    /** What one run measured. */
    public record Result(
            int streams, int requestsPerStream, int tokensPerRequest, long tokens, long lost, Duration elapsed) {
        public double tokensPerSecond() {
            return tokens / (elapsed.toNanos() / 1e9);
        }
    }

    private StreamingBenchmark() {}

    /** The piece the server sends as token {@code i}. */
    static String token(int i) {
        return "t" + i + " ";
    }

    public static Result run(int streams, int requestsPerStream, int tokensPerRequest) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        ExecutorService serverThreads = Executors.newFixedThreadPool(streams);
        server.setExecutor(serverThreads);
        server.createContext("/v1/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = MAX_TOKENS.matcher(body);
            int n = m.find() ? Integer.parseInt(m.group(1)) : 16;
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < n; i++) {
                    out.write(
                            ("data: {\"id\":\"cmpl-b\",\"object\":\"text_completion\",\"model\":\"bench\",\"choices\":"
                                            + "[{\"index\":0,\"text\":\"" + token(i)
                                            + "\",\"logprobs\":null,\"finish_reason\":"
                                            + (i == n - 1 ? "\"length\"" : "null") + "}],\"usage\":null}\n\n")
                                    .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write(
                        ("data: {\"id\":\"cmpl-b\",\"choices\":[],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":"
                                        + n + ",\"total_tokens\":" + (n + 4) + "}}\n\ndata: [DONE]\n\n")
                                .getBytes(StandardCharsets.UTF_8));
            } catch (IOException clientGone) {
                // the client stopped reading; nothing to answer
            }
        });
        server.start();
        ExecutorService clients = Executors.newFixedThreadPool(streams);
        try {
            OpenAiCompatible model = new OpenAiCompatible(OpenAiCompatible.Connection.of(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "bench", null));
            String expected = expected(tokensPerRequest);
            AtomicLong tokens = new AtomicLong();
            AtomicLong lost = new AtomicLong();
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                futures.add(clients.submit(() -> {
                    for (int r = 0; r < requestsPerStream; r++) {
                        StringBuilder streamed = new StringBuilder();
                        Generation g = model.generate(
                                GenerationRequest.greedy("p", tokensPerRequest), streamed::append, () -> false);
                        tokens.addAndGet(g.tokens());
                        if (!g.text().equals(expected)
                                || !streamed.toString().equals(expected)
                                || g.tokens() != tokensPerRequest) {
                            lost.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return new Result(
                    streams,
                    requestsPerStream,
                    tokensPerRequest,
                    tokens.get(),
                    lost.get(),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            clients.shutdownNow();
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    private static String expected(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(token(i));
        }
        return b.toString();
    }
}
