package dev.ponder.core.model;

/**
 * A sample as a line of a list: everything but its text, so a problem's samples list without reading traces.
 *
 * @param id             the sample's id
 * @param index          its index within its problem and round
 * @param round          its thinking round
 * @param answer         its extracted answer, or {@code null}
 * @param answerKey      the voting key of that answer, or {@code null}
 * @param correct        its verdict, or {@code null}
 * @param tokens         its tokens (thinking where counted, else total), or {@code null}
 * @param finishReason   why generation stopped, or {@code null}
 * @param score          its reward score, or {@code null}
 */
public record SampleLine(
        long id,
        int index,
        int round,
        String answer,
        String answerKey,
        Boolean correct,
        Integer tokens,
        String finishReason,
        Double score) {}
