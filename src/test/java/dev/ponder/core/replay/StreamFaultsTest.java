package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ways a real server's stream fails, each produced on loopback, each survived by a fresh try: a stall after the
 * headers or mid-stream (noticed within the idle time), a stream cut without finishing, a kept-alive connection closed
 * under the request, a connection reset before any answer.
 */
class StreamFaultsTest {
    private static final Duration IDLE = Duration.ofMillis(600);
    private HttpServer server;
    private ServerSocket raw;
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        if (raw != null) {
            raw.close();
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, int call) throws Exception;
    }

    private OpenAiCompatible serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                handler.handle(exchange, calls.getAndIncrement());
            } catch (Exception e) {
                // a handler that stalls is interrupted when the server stops
            } finally {
                exchange.close();
            }
        });
        server.start();
        return connect(server.getAddress().getPort());
    }

    private static OpenAiCompatible connect(int port) {
        return new OpenAiCompatible(new OpenAiCompatible.Connection(
                URI.create("http://127.0.0.1:" + port + "/v1/"),
                "qwen-tiny",
                null,
                Duration.ofSeconds(5),
                2,
                Duration.ofMillis(50),
                IDLE));
    }

    private static String chunk(String text, String finish) {
        return "data: {\"choices\":[{\"index\":0,\"text\":\"" + text + "\",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}],\"usage\":null}\n\n";
    }

    private static final String USAGE = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,"
            + "\"total_tokens\":12}}\n\n";

    private static void whole(HttpExchange ex) throws IOException {
        events(ex, chunk("4", null), chunk("7", null), chunk("}", "stop"), USAGE, "data: [DONE]\n\n");
    }

    private static void events(HttpExchange ex, String... events) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (String e : events) {
            out.write(e.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static Generation generate(OpenAiCompatible model) throws ReplayException {
        return model.generate(GenerationRequest.greedy("p", 50), ModelBackend.TextStream.NONE, () -> false);
    }

    @Test
    void aStallAfterTheHeadersIsNoticedWithinTheIdleTimeAndTriedAgain() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> {
            if (call == 0) {
                ex.getResponseHeaders().add("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().flush();
                Thread.sleep(30_000);
            } else {
                whole(ex);
            }
        });
        long started = System.nanoTime();
        Generation g = generate(model);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(g).isEqualTo(new Generation("47}", 3, FinishReason.STOP));
        assertThat(calls.get()).isEqualTo(2);
        assertThat(seconds).as("noticed within the idle time and a second").isLessThan(IDLE.toMillis() / 1000.0 + 1);
    }

    @Test
    void aStallMidStreamStartsTheAnswerAfresh() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> {
            if (call == 0) {
                events(ex, chunk("4", null));
                Thread.sleep(30_000);
            } else {
                whole(ex);
            }
        });
        assertThat(generate(model).text()).as("nothing of the stalled try kept").isEqualTo("47}");
    }

    @Test
    void aStreamCutWithoutFinishingIsTriedAgain() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> {
            if (call == 0) {
                events(ex, chunk("4", null), chunk("7", null));
            } else {
                whole(ex);
            }
        });
        assertThat(generate(model).text()).isEqualTo("47}");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aStallThatLastsIsSaidInPlainWordsAfterTheRetries() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> {
            events(ex, chunk("4", null));
            Thread.sleep(30_000);
        });
        assertThatThrownBy(() -> generate(model))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("stalled: no data for 0.6 s")
                .hasMessageContaining("tried 3 times");
    }

    /**
     * A server that closes the connection without a byte (as a restarted server does to a kept-alive connection:
     * "header parser received no bytes"), or resets it, then answers.
     */
    @Test
    void aConnectionClosedOrResetBeforeAnyAnswerIsTriedAgainOnAFreshOne() throws Exception {
        raw = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            for (int call = 0; !raw.isClosed(); call++) {
                try (Socket socket = raw.accept()) {
                    InputStream in = socket.getInputStream();
                    readRequest(in);
                    if (call == 0) {
                        continue; // closed without a byte
                    }
                    if (call == 1) {
                        socket.setSoLinger(true, 0); // reset
                        continue;
                    }
                    String body = chunk("4", null) + chunk("7", null) + chunk("}", "stop") + USAGE + "data: [DONE]\n\n";
                    socket.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
                                            + body.getBytes(StandardCharsets.UTF_8).length
                                            + "\r\nConnection: close\r\n\r\n"
                                            + body)
                                    .getBytes(StandardCharsets.UTF_8));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
        assertThat(generate(connect(raw.getLocalPort()))).isEqualTo(new Generation("47}", 3, FinishReason.STOP));
    }

    /** Reads a request's headers and its body (by Content-Length). */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        var length =
                java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
    }
}
