package dev.ponder.core.ingest.record;

import java.util.List;
import java.util.Objects;

/**
 * A sample as a file gives it, before Ponder works out its thinking span, answer, verdict and token counts.
 * Fields a file does not carry stay {@code null}; the {@link Enricher} fills them in.
 */
public final class SampleDraft {
    final String problemKey;
    final String text;
    int index;
    int round;
    String reasoning;
    String answer;
    Boolean correct;
    Integer totalTokens;
    Integer thinkingTokens;
    String finishReason;
    Double score;
    List<Double> stepScores = List.of();
    Integer budget;
    String fileId;
    String parentFileId;
    String metaJson;

    private SampleDraft(String problemKey, String text) {
        this.problemKey = Objects.requireNonNull(problemKey, "problemKey");
        this.text = text == null ? "" : text;
    }

    /** A draft of the generated {@code text} (thinking inline, or the answer alone when reasoning comes separately). */
    public static SampleDraft of(String problemKey, String text) {
        return new SampleDraft(problemKey, text);
    }

    public SampleDraft index(int value) {
        this.index = value;
        return this;
    }

    public SampleDraft round(int value) {
        this.round = value;
        return this;
    }

    /** Thinking the file keeps apart from the answer ({@code reasoning_content}, Inspect reasoning blocks). */
    public SampleDraft reasoning(String value) {
        this.reasoning = value;
        return this;
    }

    /** The answer as the file's own tool extracted it; used instead of Ponder's extraction. */
    public SampleDraft answer(String value) {
        this.answer = value;
        return this;
    }

    /** The file's own verdict; used instead of a grader. */
    public SampleDraft correct(Boolean value) {
        this.correct = value;
        return this;
    }

    /** Generated tokens as the file counts them; negative values (unknown) are ignored. */
    public SampleDraft totalTokens(Integer value) {
        this.totalTokens = value == null || value < 0 ? null : value;
        return this;
    }

    public SampleDraft thinkingTokens(Integer value) {
        this.thinkingTokens = value == null || value < 0 ? null : value;
        return this;
    }

    public SampleDraft finishReason(String value) {
        this.finishReason = value;
        return this;
    }

    public SampleDraft score(Double value) {
        this.score = value;
        return this;
    }

    /** Process-reward scores of the blank-line-separated steps of the text, in order. */
    public SampleDraft stepScores(List<Double> value) {
        this.stepScores = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    public SampleDraft budget(Integer value) {
        this.budget = value;
        return this;
    }

    public SampleDraft fileIds(String id, String parentId) {
        this.fileId = id;
        this.parentFileId = parentId;
        return this;
    }

    public SampleDraft meta(String json) {
        this.metaJson = json;
        return this;
    }
}
