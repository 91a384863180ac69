package dev.ponder.core.replay;

import java.util.List;
import java.util.Objects;

/**
 * How a question becomes a raw prompt, and the delimiters of the model's thinking. Replay works on raw
 * prompts so that it controls the thinking exactly: where it starts, where it was cut, what was appended.
 *
 * @param turn             the prompt with {@code {question}} where the question goes
 * @param preopensThinking whether the prompt already ends inside the thinking (DeepSeek-R1's template opens
 *                         {@code <think>} itself); otherwise the model writes {@code thinkStart}
 * @param endOfTurn        strings that end the assistant's turn, used as stop strings
 */
public record PromptTemplate(
        String name,
        String turn,
        String thinkStart,
        String thinkEnd,
        boolean preopensThinking,
        List<String> endOfTurn) {
    public static final String QUESTION = "{question}";

    /** ChatML as Qwen and the tiny reasoner use it; the model opens its thinking itself. */
    public static final PromptTemplate CHATML = new PromptTemplate(
            "chatml",
            "<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n",
            "<think>",
            "</think>",
            false,
            List.of("<|im_end|>", "<|endoftext|>"));
    /** DeepSeek-R1 (and its distills): the template opens the thinking. */
    public static final PromptTemplate DEEPSEEK_R1 = new PromptTemplate(
            "deepseek-r1",
            "<｜begin▁of▁sentence｜><｜User｜>{question}<｜Assistant｜><think>\n",
            "<think>",
            "</think>",
            true,
            List.of("<｜end▁of▁sentence｜>"));
    /** Llama 3 instruct format with think tags written by the model. */
    public static final PromptTemplate LLAMA3 = new PromptTemplate(
            "llama3",
            "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n{question}<|eot_id|>"
                    + "<|start_header_id|>assistant<|end_header_id|>\n\n",
            "<think>",
            "</think>",
            false,
            List.of("<|eot_id|>", "<|end_of_text|>"));

    public static final List<PromptTemplate> BUILT_IN = List.of(CHATML, DEEPSEEK_R1, LLAMA3);

    public PromptTemplate {
        Objects.requireNonNull(name, "name");
        if (!turn.contains(QUESTION)) {
            throw new IllegalArgumentException("template '" + name + "' has no " + QUESTION + " placeholder");
        }
        if (thinkStart.isEmpty() || thinkEnd.isEmpty()) {
            throw new IllegalArgumentException("template '" + name + "' needs both thinking delimiters");
        }
        if (preopensThinking && !turn.stripTrailing().endsWith(thinkStart)) {
            throw new IllegalArgumentException(
                    "template '" + name + "' says it opens the thinking but does not end with " + thinkStart);
        }
        endOfTurn = List.copyOf(endOfTurn);
    }

    public static PromptTemplate named(String name) {
        return BUILT_IN.stream()
                .filter(t -> t.name.equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown prompt template '" + name + "', expected one of "
                                + BUILT_IN.stream().map(PromptTemplate::name).toList()));
    }

    /** The raw prompt for a question. */
    public String render(String question) {
        return turn.replace(QUESTION, question);
    }

    /** The part of the rendered prompt that already belongs to the assistant's thinking ("" unless pre-opened). */
    public String openedThinking() {
        if (!preopensThinking) {
            return "";
        }
        return turn.substring(turn.lastIndexOf(thinkStart));
    }
}
