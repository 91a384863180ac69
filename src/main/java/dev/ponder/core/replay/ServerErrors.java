package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * What an OpenAI-compatible server's failure means, in one sentence saying what to do: its error body read in the
 * shapes OpenAI, vLLM and llama.cpp write, and when it asks to be retried.
 */
final class ServerErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerErrors() {}

    static ReplayException explain(String model, int status, String detail, URI uri, int retried) {
        String explained = sentence(model, status, detail, uri, retried);
        return status / 100 == 4 ? new ServerRefusal(status, detail, explained) : new ReplayException(explained);
    }

    private static String sentence(String model, int status, String detail, URI uri, int retried) {
        String said = detail.isBlank() ? "" : " The server said: " + detail;
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        if (status == 401 || status == 403) {
            return ("The server refused the API key (" + status + "). Check the key in the"
                    + " connection's environment variable or settings file." + said);
        }
        if ((status == 404 || status == 405) && uri.getPath().endsWith("/completions") && lower.contains("chat")) {
            return "The server offers '" + model + "' through chat completions only (" + status + "): replay through "
                    + "chat completions (--chat, or the connection's Chat completions box)." + said;
        }
        if (status == 404) {
            return lower.contains("model")
                    ? ("The server has no model '" + model + "' (404). Use Test"
                            + " connection to list the models it serves." + said)
                    : ("Nothing at " + uri + " (404): is the base URL right (it usually ends in /v1)?" + said);
        }
        if (lower.contains("context length")
                || lower.contains("context window")
                || lower.contains("too long")
                || lower.contains("exceed")) {
            return ("The prompt and the token limit do not fit the model's context (" + status
                    + "): lower the budget or the answer limit." + said);
        }
        if (status == 400 || status == 422) {
            return ("The server does not accept the request (" + status + "), often a parameter"
                    + " it does not support." + said);
        }
        return ("The server answered " + status + (retried > 0 ? " after " + retried + " retries" : "") + "." + said);
    }

    static String drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            String raw = new String(in.readNBytes(16_384), StandardCharsets.UTF_8).strip();
            try {
                JsonNode json = JSON.readTree(raw);
                String message = errorMessage(json);
                return message.isEmpty() ? raw : message;
            } catch (IOException notJson) {
                return raw;
            }
        } catch (IOException e) {
            return "";
        }
    }

    /** OpenAI {"error":{"message"}}, llama.cpp {"error":{"message"}}, vLLM {"message"} or {"detail"}. */
    static String errorMessage(JsonNode json) {
        JsonNode error = json.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        for (JsonNode candidate : new JsonNode[] {error.path("message"), json.path("message"), json.path("detail")}) {
            if (candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return "";
    }

    /** {@code Retry-After} as seconds (HTTP dates are rare from model servers and fall back to our backoff). */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
