package dev.ponder.core.model;

import java.util.Arrays;

/** The kinds of text a strategy put into a trace rather than the model. */
public enum SegmentKind {
    /** Budget forcing closed the thinking because the budget ran out. */
    FORCED_THINKING_END("forced_thinking_end"),
    /** Budget forcing suppressed the end of thinking and appended "Wait" (or its configured word). */
    INJECTED_WAIT("injected_wait"),
    /** The prompt appended to ask for the final answer, e.g. {@code Final Answer:}. */
    ANSWER_PROMPT("answer_prompt"),
    /** The prompt that started a further round of multi-round thinking. */
    ROUND_PROMPT("round_prompt"),
    /** The position a branch-from-here continuation started from. */
    BRANCH_POINT("branch_point");

    private final String code;

    SegmentKind(String code) {
        this.code = code;
    }

    /** The name stored in workspaces and files. */
    public String code() {
        return code;
    }

    public static SegmentKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(kind -> kind.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown segment kind '" + code + "', expected one of "
                        + Arrays.stream(values()).map(SegmentKind::code).toList()));
    }
}
