package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A completion streamed as server-sent events, read piece by piece under the idle guard: its text (and reasoning, where
 * the server sends it apart), the server's usage count, and how it ended. A stream that stalls, breaks or ends without
 * finishing is a {@link ServerCalls.Transient} failure, for a fresh try; an error the server sends is explained.
 */
final class CompletionStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompletionStream() {}

    /** What a stream brought: its text, reasoning, token count and ending. */
    static final class Streamed {
        final StringBuilder text = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        int tokens;
        FinishReason finish;
        boolean usageReported;

        Streamed end(int count, FinishReason why) {
            tokens = count;
            finish = why;
            return this;
        }
    }

    /**
     * Reads {@code data:} events until {@code [DONE]}; the server's usage count wins over counted chunks. A stream that
     * stalls, breaks or ends without finishing is a {@link ServerCalls.Transient} failure, for a fresh try.
     */
    static Streamed read(
            Duration idle,
            URI uri,
            HttpResponse<InputStream> response,
            Function<JsonNode, String> content,
            Function<JsonNode, String> reasoningOf,
            ModelBackend.TextStream stream,
            BooleanSupplier cancelled,
            int maxTokens)
            throws ReplayException, ServerCalls.Transient {
        Streamed result = new Streamed();
        StringBuilder text = result.text;
        StringBuilder reasoning = result.reasoning;
        int chunks = 0;
        Integer usage = null;
        String finish = null;
        boolean done = false;
        InputStream in = response.body();
        try (IdleGuard guard = new IdleGuard(in, idle);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = readLine(idle, uri, lines, guard, chunks)) != null; ) {
                if (cancelled.getAsBoolean()) {
                    return result.end(usage != null ? usage : chunks, FinishReason.CANCELLED);
                }
                if (line.startsWith("{")) { // a JSON answer where a stream was asked for: an error said with 200
                    throw new ReplayException("The server answered with an error instead of a stream: "
                            + ServerErrors.errorMessage(JSON.readTree(line)) + " (is the base URL right? it usually "
                            + "ends in /v1)");
                }
                if (!line.startsWith("data:")) {
                    continue; // blank separators, comments, event names
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    done = true;
                    break;
                }
                JsonNode event = JSON.readTree(data);
                if (event.has("error")) {
                    throw new ReplayException(
                            "The server reported an error mid-stream: " + ServerErrors.errorMessage(event));
                }
                for (JsonNode choice : event.path("choices")) {
                    String thought = reasoningOf == null ? "" : reasoningOf.apply(choice);
                    if (!thought.isEmpty()) {
                        reasoning.append(thought);
                        stream.text(thought);
                        chunks++;
                    }
                    String piece = content.apply(choice);
                    if (!piece.isEmpty()) {
                        text.append(piece);
                        stream.text(piece);
                        chunks++;
                    }
                    if (choice.hasNonNull("finish_reason")) {
                        finish = choice.get("finish_reason").asText();
                    }
                }
                if (event.hasNonNull("usage") && event.get("usage").has("completion_tokens")) {
                    usage = event.get("usage").get("completion_tokens").asInt();
                }
            }
        } catch (IOException e) {
            if (cancelled.getAsBoolean()) {
                return result.end(chunks, FinishReason.CANCELLED);
            }
            throw new ServerCalls.Transient(
                    "The connection to " + server(uri) + " broke after " + chunks + " streamed pieces: "
                            + e.getMessage(),
                    null,
                    e);
        }
        if (!done && finish == null) {
            throw new ServerCalls.Transient(
                    "The stream from " + server(uri) + " ended after " + chunks
                            + " pieces without finishing (no finish_reason, no [DONE]): the server went away mid-answer.",
                    null,
                    null);
        }
        result.usageReported = usage != null;
        int tokens = usage != null ? usage : chunks;
        FinishReason reason = "length".equals(finish) || (finish == null && tokens >= maxTokens)
                ? FinishReason.LENGTH
                : FinishReason.STOP;
        return result.end(tokens, reason);
    }

    /** The next line of the stream; a stall the guard noticed is said as such, not as a closed stream. */
    private static String readLine(Duration idle, URI uri, BufferedReader lines, IdleGuard guard, int chunks)
            throws IOException, ServerCalls.Transient {
        try {
            String line = lines.readLine();
            guard.touched();
            return line;
        } catch (IOException e) {
            if (guard.tripped()) {
                throw new ServerCalls.Transient(
                        "The stream from " + server(uri) + " stalled: no data for " + ServerCalls.seconds(idle)
                                + " after " + chunks + " streamed pieces.",
                        null,
                        e);
            }
            throw e;
        }
    }

    /** The server a request went to: its scheme, host and port. */
    private static String server(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
