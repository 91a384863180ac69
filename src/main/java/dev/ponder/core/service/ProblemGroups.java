package dev.ponder.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.model.Problem;

/** A problem's group for clustered standard errors: the subject, category or source its file gave it. */
final class ProblemGroups {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemGroups() {}

    static String of(Problem problem) {
        if (problem.metadataJson() == null || problem.metadataJson().isBlank()) {
            return null;
        }
        try {
            JsonNode metadata = JSON.readTree(problem.metadataJson());
            for (String field : new String[] {"subject", "category", "source", "type"}) {
                JsonNode value = metadata.get(field);
                if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                    return value.asText();
                }
            }
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return null;
        }
    }
}
