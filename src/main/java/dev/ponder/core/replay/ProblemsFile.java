package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Problems to replay that belong to no run yet: JSON Lines with {@code key}, {@code question} and
 * {@code gold} (and optionally {@code dataset}); any other field is kept as the problem's metadata.
 */
public final class ProblemsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemsFile() {}

    public static List<Problem> read(Path file) throws ReplayException {
        List<Problem> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        String name = String.valueOf(file.getFileName());
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (IOException e) {
                    throw new ReplayException(name + ", line " + lineNumber + ": not valid JSON");
                }
                String key = text(record, "key");
                String question = text(record, "question");
                if (!record.isObject() || key == null || question == null) {
                    throw new ReplayException(name + ", line " + lineNumber
                            + ": expected {\"key\": ..., \"question\": ..., \"gold\": ...}");
                }
                if (!keys.add(key)) {
                    throw new ReplayException(
                            name + ", line " + lineNumber + ": the key \"" + key + "\" appears twice");
                }
                ObjectNode meta = ((ObjectNode) record).deepCopy();
                meta.remove(List.of("key", "question", "gold", "dataset"));
                problems.add(new Problem(
                        0,
                        key,
                        text(record, "dataset"),
                        question,
                        text(record, "gold"),
                        meta.isEmpty() ? null : meta.toString()));
            }
        } catch (IOException e) {
            throw new ReplayException("Cannot read the problems file " + file + ": " + e.getMessage(), e);
        }
        if (problems.isEmpty()) {
            throw new ReplayException(name + " holds no problems");
        }
        return problems;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString();
    }
}
