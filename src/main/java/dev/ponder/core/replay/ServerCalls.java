package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Requests to an OpenAI-compatible server, each on a fresh exchange, and what to do when one fails: what a later try
 * may cure (a busy or failing server, a connection refused, reset or dropped, no answer in time, a stream that stalls
 * or ends without finishing) is tried again with backoff, jitter and {@code Retry-After}; the rest is explained.
 */
final class ServerCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final OpenAiCompatible.Connection connection;
    private final HttpClient http;
    private final EndpointPool pool;

    ServerCalls(OpenAiCompatible.Connection connection) {
        this.connection = connection;
        this.http = HttpClient.newBuilder().connectTimeout(connection.timeout()).build();
        this.pool = new EndpointPool(connection.baseUrls());
    }

    /**
     * Posts {@code body} (GET when null) to {@code path} (relative to the base URL, or from the server's root when it
     * starts with "/"), trying again what a later try may cure, and explains what it cannot.
     */
    HttpResponse<InputStream> send(String path, ObjectNode body) throws ReplayException {
        return retrying(path, uri -> sendOnce(uri, body), () -> false);
    }

    /**
     * The JSON the server answers at {@code path} to {@code body} (GET when null), read whole: a body that stalls for
     * the idle time, is cut, or is not JSON is tried again like a failed request.
     */
    JsonNode json(String path, ObjectNode body) throws ReplayException {
        return retrying(path, uri -> readJson(uri, sendOnce(uri, body)), () -> false);
    }

    /** An answer's body as JSON, read under the idle guard; a stalled or cut body is {@link Transient}. */
    JsonNode readJson(URI uri, HttpResponse<InputStream> response) throws Transient {
        InputStream in = response.body();
        try (IdleGuard guard = new IdleGuard(in, connection.idle());
                InputStream body = in) {
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = body.read(buffer)) != -1; ) {
                guard.touched();
                read.write(buffer, 0, n);
            }
            return JSON.readTree(read.toByteArray());
        } catch (IOException e) {
            throw new Transient(
                    "The answer from " + uri.getScheme() + "://" + uri.getAuthority() + " stalled or broke off before "
                            + "it was whole: " + e.getMessage(),
                    null,
                    e);
        }
    }

    /** The servers requests are spread over, in words. */
    String servers() {
        return pool.describe();
    }

    /** How many servers requests are spread over. */
    int serverCount() {
        return pool.size();
    }

    /** {@code path} on the first server, for what asks one server only. */
    URI onFirst(String path) {
        return pool.first().resolve(path);
    }

    /** One try at what a later try may cure, at {@code uri}: {@code path} on the server chosen for this try. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(URI uri) throws ReplayException, Transient;
    }

    /**
     * Runs {@code attempt} at {@code path} until it succeeds, fails in a way no later try cures, or has been tried
     * {@code retries} times more (once more for each extra server). Each try goes to the server of the pool with the
     * most room; a server that failed rests while the others take its tries. Between tries on the same server waits
     * what the server asked for, else a backoff doubled each time, with jitter so that many streams failing at once do
     * not come back at once; a try that can go to another server goes at once.
     */
    <T> T retrying(String path, Attempt<T> attempt, BooleanSupplier cancelled) throws ReplayException {
        Duration wait = connection.firstWait();
        int allowed = connection.retries() + pool.size() - 1;
        for (int tried = 0; ; tried++) {
            EndpointPool.Endpoint endpoint = pool.take();
            T result;
            try {
                result = attempt.run(endpoint.resolve(path));
            } catch (Transient failure) {
                pool.done(endpoint, false);
                if (tried >= allowed || cancelled.getAsBoolean()) {
                    throw failure.after(tried);
                }
                if (!pool.otherAvailable(endpoint)) {
                    Duration pause = failure.retryAfter != null ? failure.retryAfter : jittered(wait);
                    wait = wait.multipliedBy(2);
                    sleep(pause.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : pause);
                }
                continue;
            } catch (ReplayException | RuntimeException answered) {
                pool.done(endpoint, true); // the server answered; the request itself was wrong
                throw answered;
            }
            pool.done(endpoint, true);
            return result;
        }
    }

    /** "60 s", "0.6 s". */
    static String seconds(Duration duration) {
        double value = duration.toMillis() / 1000.0;
        return (value == Math.rint(value)
                        ? String.valueOf((long) value)
                        : String.format(java.util.Locale.ROOT, "%.1f", value))
                + " s";
    }

    private static Duration jittered(Duration wait) {
        return Duration.ofMillis(
                (long) (wait.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    /** Sends the request once on a fresh exchange; a failure a later try may cure is a {@link Transient}. */
    HttpResponse<InputStream> sendOnce(URI uri, ObjectNode body) throws ReplayException, Transient {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(connection.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream, application/json");
        builder = body == null ? builder.GET() : builder.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (connection.apiKey() != null && !connection.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + connection.apiKey());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new Transient("No server answers at " + uri + ": is it running, and is the address right?", null, e);
        } catch (HttpTimeoutException e) {
            throw new Transient(
                    "The server at " + uri + " did not answer within "
                            + connection.timeout().toSeconds() + " s.",
                    null,
                    e);
        } catch (IOException e) {
            // reset, refused mid-handshake, or a kept-alive connection the server had closed ("received no bytes")
            throw new Transient("Cannot reach " + uri + ": " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("Interrupted while waiting for " + uri, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response;
        }
        String detail = ServerErrors.drain(response);
        if (status == 429 || status / 100 == 5) {
            Duration asked = ServerErrors.retryAfter(response).orElse(null);
            throw new Transient(null, asked, null) {
                @Override
                ReplayException after(int tried) {
                    return ServerErrors.explain(connection.model(), status, detail, uri, tried);
                }
            };
        }
        throw ServerErrors.explain(connection.model(), status, detail, uri, 0);
    }

    /** A failure a later try may cure; after the last try, the {@link ReplayException} it becomes. */
    static class Transient extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Duration retryAfter;

        Transient(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        ReplayException after(int tried) {
            return new ReplayException(
                    getMessage() + (tried == 0 ? "" : " (tried " + (tried + 1) + " times)"), getCause());
        }
    }

    private static void sleep(Duration pause) throws ReplayException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("Interrupted while waiting to retry", e);
        }
    }
}
