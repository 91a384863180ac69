package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on loopback that speaks the wire format of a real engine — vLLM, llama.cpp's
 * {@code llama-server}, Ollama's {@code /v1} or LM Studio: their event framing, where the usage comes (a chunk of its
 * own, or in the last one, or none), which of {@code /tokenize}, {@code /props}, {@code /version},
 * {@code /api/version} they have, and their error bodies (LM Studio answers 200 with an error for what it lacks) —
 * with the {@link ScriptedReasoner} as its model. On command it injects the ways real servers fail ({@link Fault}),
 * each request failing with the given probability, drawn from a seeded generator. HTTP/1.1 with kept-alive
 * connections, written by hand so that a connection can be closed or reset exactly where a real one is.
 */
public final class LoopbackServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The engine whose wire format the server speaks. */
    public enum Flavor {
        VLLM,
        LLAMA_CPP,
        OLLAMA,
        LM_STUDIO
    }

    /** A way a real server fails a request. */
    public enum Fault {
        STALL_AFTER_HEADERS,
        STALL_MID_STREAM,
        CUT_WITHOUT_DONE,
        RESET,
        CLOSED_WITHOUT_A_BYTE,
        TOO_MANY_REQUESTS,
        TOO_MANY_REQUESTS_RETRY_AFTER,
        SERVER_ERROR,
        SLOW_FIRST_BYTE
    }

    private final Flavor flavor;
    private final ScriptedReasoner model;
    private final Duration stall;
    private final ServerSocket listening;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Random random;
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private final AtomicInteger completions = new AtomicInteger();
    private final java.util.Queue<Fault> forced = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile double faultRate;
    private volatile List<Fault> faults = List.of(Fault.values());

    /**
     * @param stall how long a stalled answer sends nothing (longer than the client's idle time, so it notices)
     * @param seed  the seed of the fault draws
     */
    public LoopbackServer(Flavor flavor, Duration stall, long seed) throws IOException {
        this(flavor, ScriptedReasoner.STANDARD, stall, seed);
    }

    /** The same, with a model of the caller's (one that thinks longer, for throughput). */
    public LoopbackServer(Flavor flavor, ScriptedReasoner model, Duration stall, long seed) throws IOException {
        this.flavor = flavor;
        this.model = model;
        this.stall = stall;
        this.random = new Random(seed);
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicInteger());
        }
        listening = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** The base URL a client is given: {@code http://127.0.0.1:PORT/v1}. */
    public String url() {
        return "http://127.0.0.1:" + listening.getLocalPort() + "/v1";
    }

    /** From now on, each request fails with probability {@code rate}, by one of {@code kinds} (all when none). */
    public LoopbackServer failing(double rate, Fault... kinds) {
        faults = kinds.length == 0 ? List.of(Fault.values()) : List.of(kinds);
        faultRate = rate;
        return this;
    }

    /** The next requests fail by these faults, one each, before any drawn at random. */
    public LoopbackServer failNext(Fault... next) {
        forced.addAll(List.of(next));
        return this;
    }

    /** How many requests failed by each fault. */
    public Map<Fault, Integer> injected() {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        injected.forEach((f, n) -> counts.put(f, n.get()));
        return counts;
    }

    /** How many completions were asked for (streamed or not). */
    public int completions() {
        return completions.get();
    }

    /** Kills {@code victim} once the servers together have answered {@code completions} completions (a daemon). */
    public static Thread killWhen(LoopbackServer victim, int completions, List<LoopbackServer> all) {
        Thread killer = new Thread(() -> {
            while (all.stream().mapToInt(LoopbackServer::completions).sum() < completions) {
                Thread.onSpinWait();
            }
            victim.kill();
        });
        killer.setDaemon(true);
        killer.start();
        return killer;
    }

    /** The server dies: it stops listening and drops every connection, as a crashed machine does. */
    public void kill() {
        close();
    }

    @Override
    public void close() {
        try {
            listening.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException | java.util.concurrent.RejectedExecutionException closed) {
                return;
            }
        }
    }

    /** Answers the requests of one kept-alive connection, one after another. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 14);
            for (Request request; (request = Request.read(in)) != null; ) {
                if (!answer(request, socket, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client left, or the server was stopped
        } finally {
            open.remove(socket);
        }
    }

    /** Answers one request; false when the connection is to end here. */
    private boolean answer(Request request, Socket socket, OutputStream out) throws IOException, InterruptedException {
        String path = request.path;
        boolean completion = path.equals("/v1/completions");
        Fault fault = request.post ? draw() : null;
        if (fault != null) {
            injected.get(fault).incrementAndGet();
            switch (fault) {
                case CLOSED_WITHOUT_A_BYTE:
                    return false;
                case RESET:
                    socket.setSoLinger(true, 0);
                    return false;
                case TOO_MANY_REQUESTS:
                    json(out, 429, error(429, "Too many requests"), null);
                    return true;
                case TOO_MANY_REQUESTS_RETRY_AFTER:
                    json(out, 429, error(429, "Too many requests"), "1");
                    return true;
                case SERVER_ERROR:
                    json(out, flavor == Flavor.LLAMA_CPP ? 503 : 500, error(500, "Loading model"), null);
                    return true;
                case SLOW_FIRST_BYTE:
                    Thread.sleep(stall.toMillis() / 4);
                    break;
                default:
                    break;
            }
        }
        if (completion) {
            completions.incrementAndGet();
            return complete(request.body, out, fault);
        }
        if (fault == Fault.STALL_AFTER_HEADERS || fault == Fault.STALL_MID_STREAM || fault == Fault.CUT_WITHOUT_DONE) {
            return stallJson(out, fault);
        }
        return route(request, out);
    }

    private synchronized Fault draw() {
        Fault next = forced.poll();
        if (next != null) {
            return next;
        }
        return random.nextDouble() < faultRate ? faults.get(random.nextInt(faults.size())) : null;
    }

    /** The endpoints other than completions, as each engine has them. */
    private boolean route(Request request, OutputStream out) throws IOException {
        String path = request.path;
        if (path.equals("/v1/models")) {
            ObjectNode models = JSON.createObjectNode().put("object", "list");
            models.putArray("data").addObject().put("id", "scripted").put("object", "model");
            json(out, 200, models, null);
        } else if (path.equals("/tokenize") && (flavor == Flavor.VLLM || flavor == Flavor.LLAMA_CPP)) {
            String text = request.body
                    .path(flavor == Flavor.VLLM ? "prompt" : "content")
                    .asText();
            ObjectNode answer = JSON.createObjectNode();
            var tokens = answer.putArray("tokens");
            text.chars().forEach(tokens::add);
            if (flavor == Flavor.VLLM) {
                answer.put("count", text.length()).put("max_model_len", 32768);
            }
            json(out, 200, answer, null);
        } else if (path.equals("/version") && flavor == Flavor.VLLM) {
            json(out, 200, JSON.createObjectNode().put("version", "0.9.2"), null);
        } else if (path.equals("/props") && flavor == Flavor.LLAMA_CPP) {
            ObjectNode props = JSON.createObjectNode().put("total_slots", 4).put("build_info", "b5460-loopback");
            props.putObject("default_generation_settings").put("n_ctx", 4096);
            json(out, 200, props, null);
        } else if (path.equals("/api/version") && flavor == Flavor.OLLAMA) {
            json(out, 200, JSON.createObjectNode().put("version", "0.6.5"), null);
        } else if (path.equals("/api/v0/models") && flavor == Flavor.LM_STUDIO) {
            ObjectNode models = JSON.createObjectNode().put("object", "list");
            models.putArray("data").addObject().put("id", "scripted").put("state", "loaded");
            json(out, 200, models, null);
        } else {
            notFound(request, out);
        }
        return true;
    }

    /** What each engine answers for an endpoint it lacks; LM Studio says so with a 200. */
    private void notFound(Request request, OutputStream out) throws IOException {
        switch (flavor) {
            case LM_STUDIO ->
                json(
                        out,
                        200,
                        JSON.createObjectNode()
                                .put(
                                        "error",
                                        "Unexpected endpoint or method. (" + (request.post ? "POST " : "GET ")
                                                + request.path + ")"),
                        null);
            case OLLAMA -> raw(out, 404, "text/plain", "404 page not found".getBytes(StandardCharsets.UTF_8), null);
            case VLLM -> json(out, 404, JSON.createObjectNode().put("detail", "Not Found"), null);
            case LLAMA_CPP -> json(out, 404, error(404, "File Not Found"), null);
        }
    }

    /** A completion, streamed or whole, in the flavor's framing. */
    private boolean complete(JsonNode body, OutputStream out, Fault fault) throws IOException, InterruptedException {
        String prompt = body.path("prompt").asText();
        List<String> stop = new ArrayList<>();
        body.path("stop").forEach(s -> stop.add(s.asText()));
        ScriptedReasoner.Continuation c = model.continueFrom(
                prompt, body.path("seed").asLong(), body.path("max_tokens").asInt(16), stop);
        int promptTokens = prompt.length();
        if (!body.path("stream").asBoolean()) {
            if (fault == Fault.STALL_AFTER_HEADERS
                    || fault == Fault.STALL_MID_STREAM
                    || fault == Fault.CUT_WITHOUT_DONE) {
                return stallJson(out, fault);
            }
            ObjectNode whole =
                    JSON.createObjectNode().put("id", "cmpl-loopback").put("object", "text_completion");
            whole.putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .put("text", c.text())
                    .put("finish_reason", c.finish());
            usage(whole.putObject("usage"), promptTokens, c.text().length());
            json(out, 200, whole, null);
            return true;
        }
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean();
        head(out, 200, "text/event-stream", -1, null);
        if (fault == Fault.STALL_AFTER_HEADERS) {
            out.flush();
            Thread.sleep(stall.toMillis());
            return false;
        }
        String text = c.text();
        int half = fault == Fault.STALL_MID_STREAM || fault == Fault.CUT_WITHOUT_DONE ? text.length() / 2 : -1;
        for (int i = 0; i < text.length(); i++) {
            if (i == half) {
                out.flush();
                if (fault == Fault.STALL_MID_STREAM) {
                    Thread.sleep(stall.toMillis());
                    return false;
                }
                chunk(out, new byte[0]);
                out.flush();
                return true;
            }
            event(out, piece(text.substring(i, i + 1), null));
            out.flush();
        }
        ObjectNode last = piece("", c.finish());
        if (flavor == Flavor.LLAMA_CPP) { // usage and timings ride on the last chunk, asked or not
            usage(last.putObject("usage"), promptTokens, text.length());
            last.putObject("timings").put("predicted_n", text.length());
        }
        event(out, last);
        if (includeUsage && (flavor == Flavor.VLLM || flavor == Flavor.OLLAMA)) {
            ObjectNode usage =
                    JSON.createObjectNode().put("id", "cmpl-loopback").put("object", "text_completion");
            usage.putArray("choices");
            usage(usage.putObject("usage"), promptTokens, text.length());
            event(out, usage);
        }
        chunk(out, "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        chunk(out, new byte[0]);
        out.flush();
        return true;
    }

    /** One streamed piece of text as the flavor frames it. */
    private ObjectNode piece(String text, String finish) {
        ObjectNode event = JSON.createObjectNode().put("id", "cmpl-loopback").put("object", "text_completion");
        event.put("created", 1_733_000_000L).put("model", "scripted");
        ObjectNode choice =
                event.putArray("choices").addObject().put("index", 0).put("text", text);
        switch (flavor) {
            case VLLM -> choice.putNull("logprobs");
            case LLAMA_CPP -> event.put("system_fingerprint", "b5460-loopback");
            case OLLAMA -> event.put("system_fingerprint", "fp_ollama");
            case LM_STUDIO -> event.put("system_fingerprint", "scripted");
        }
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        if (flavor == Flavor.VLLM) {
            choice.putNull("stop_reason");
            event.putNull("usage");
        }
        return event;
    }

    private static void usage(ObjectNode usage, int prompt, int completion) {
        usage.put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    /** A non-streamed answer whose body stalls or is cut after its headers. */
    private boolean stallJson(OutputStream out, Fault fault) throws IOException, InterruptedException {
        byte[] body = "{\"choices\":[{\"index\":0,\"text\":\"".getBytes(StandardCharsets.UTF_8);
        head(out, 200, "application/json", body.length + 40, null);
        out.write(body);
        out.flush();
        if (fault != Fault.CUT_WITHOUT_DONE) {
            Thread.sleep(stall.toMillis());
        }
        return false;
    }

    private ObjectNode error(int code, String message) {
        return switch (flavor) {
            case VLLM ->
                JSON.createObjectNode()
                        .put("object", "error")
                        .put("message", message)
                        .put("type", "ServiceUnavailableError")
                        .put("code", code);
            case LLAMA_CPP -> {
                ObjectNode e = JSON.createObjectNode();
                e.putObject("error").put("code", code).put("message", message).put("type", "unavailable_error");
                yield e;
            }
            case OLLAMA, LM_STUDIO -> {
                ObjectNode e = JSON.createObjectNode();
                e.putObject("error").put("message", message).put("type", "api_error");
                yield e;
            }
        };
    }

    private static void event(OutputStream out, JsonNode event) throws IOException {
        chunk(out, ("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void json(OutputStream out, int status, JsonNode body, String retryAfter) throws IOException {
        raw(out, status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), retryAfter);
    }

    private static void raw(OutputStream out, int status, String type, byte[] body, String retryAfter)
            throws IOException {
        head(out, status, type, body.length, retryAfter);
        out.write(body);
        out.flush();
    }

    /** The status line and headers; a length of -1 is a chunked body. */
    private static void head(OutputStream out, int status, String type, int length, String retryAfter)
            throws IOException {
        StringBuilder h = new StringBuilder("HTTP/1.1 ")
                .append(status)
                .append(status == 200 ? " OK" : status == 404 ? " Not Found" : " Error")
                .append("\r\nContent-Type: ")
                .append(type)
                .append("\r\n");
        h.append(length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
        if (retryAfter != null) {
            h.append("Retry-After: ").append(retryAfter).append("\r\n");
        }
        out.write(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** One HTTP request: its method, path and JSON body. */
    private record Request(boolean post, String path, JsonNode body) {
        /** The next request on the connection, or null when the client closed it. */
        static Request read(InputStream in) throws IOException {
            String requestLine = line(in);
            if (requestLine == null) {
                return null;
            }
            int length = 0;
            for (String header; (header = line(in)) != null && !header.isEmpty(); ) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            byte[] body = in.readNBytes(length);
            String[] parts = requestLine.split(" ");
            String path = parts.length > 1 ? parts[1].replaceFirst("\\?.*", "") : "/";
            JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            return new Request(parts[0].equals("POST"), path, json);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c; (c = in.read()) != -1; ) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.US_ASCII);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
        }
    }
}
