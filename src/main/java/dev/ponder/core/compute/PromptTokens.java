package dev.ponder.core.compute;

import dev.ponder.core.model.Problem;
import dev.ponder.core.tokens.EncodingEstimate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each problem's prompt length for the cost models: its question in tokens (cl100k estimate; the chat template's
 * few tokens are not counted), counted once per problem and kept.
 */
public final class PromptTokens {
    private final Map<Long, Integer> counted = new ConcurrentHashMap<>();
    private EncodingEstimate encoding;

    /** The problems' prompt tokens by problem id. */
    public Map<Long, Integer> of(List<Problem> problems) {
        Map<Long, Integer> tokens = new HashMap<>();
        for (Problem problem : problems) {
            tokens.put(problem.id(), counted.computeIfAbsent(problem.id(), id -> count(problem.question())));
        }
        return tokens;
    }

    private synchronized int count(String question) {
        if (question == null || question.isEmpty()) {
            return 0;
        }
        if (encoding == null) {
            encoding = EncodingEstimate.cl100k();
        }
        return encoding.count(question);
    }
}
