package dev.ponder.core.trace;

import java.util.List;

/**
 * A pair of markers that enclose a model's thinking, as one model family writes them.
 *
 * @param open          the marker that opens thinking, e.g. {@code <think>}
 * @param close         the marker that ends thinking, e.g. {@code </think>}
 * @param openMayBeMissing true when models of this family often leave out the opening marker
 *                      (DeepSeek-R1's chat template puts {@code <think>} into the prompt)
 */
public record ThinkingDelimiters(String open, String close, boolean openMayBeMissing) {

    /** DeepSeek-R1, QwQ, Qwen3 and most open reasoning models. */
    public static final ThinkingDelimiters THINK_TAGS = new ThinkingDelimiters("<think>", "</think>", true);
    /** s1's lm-evaluation-harness fork: ChatML turns for thinking and answer. */
    public static final ThinkingDelimiters S1 =
            new ThinkingDelimiters("<|im_start|>think", "<|im_start|>answer", false);
    /** Sky-T1 and SkyThought's data: thought and solution sections. */
    public static final ThinkingDelimiters SKY_T1 =
            new ThinkingDelimiters("<|begin_of_thought|>", "<|end_of_thought|>", false);

    /** Tried in this order; the first whose markers occur in a trace wins. */
    public static final List<ThinkingDelimiters> KNOWN = List.of(S1, SKY_T1, THINK_TAGS);
}
