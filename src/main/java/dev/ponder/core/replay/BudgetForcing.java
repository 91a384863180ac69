package dev.ponder.core.replay;

import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Budget forcing as s1 (arXiv 2501.19393) defines it. The thinking gets at most {@code budget} tokens,
 * counted from where the thinking really starts (after a delimiter the template opened or the model wrote);
 * when they run out the thinking is closed and the answer prompt appended. When the model ends its
 * thinking early, the end is suppressed and the wait word appended, up to {@code extensions} times and
 * while thinking is shorter than {@code minThinkingTokens}. The budget left carries across those rounds
 * (s1 PR #120) and counts the forced words too, so the stored thinking never holds more than
 * {@code budget} tokens; a budget already spent means no further round.
 */
public final class BudgetForcing {

    /**
     * @param budget            thinking tokens allowed; 0 for no cap (then {@code maxThinkingTokens} applies)
     * @param extensions        how many times an early end of thinking is replaced by the wait word
     * @param waitWord          s1 uses "Wait"
     * @param minThinkingTokens keep extending (beyond {@code extensions}) until thinking is this long; 0 for none
     * @param answerPrompt      appended after a forced end of thinking; s1 uses "Final Answer:"
     * @param maxAnswerTokens   the answer's own limit
     */
    public record Params(
            int budget,
            int extensions,
            String waitWord,
            int minThinkingTokens,
            String answerPrompt,
            int maxAnswerTokens,
            int maxThinkingTokens) {
        public Params {
            if (budget < 0 || extensions < 0 || minThinkingTokens < 0) {
                throw new IllegalArgumentException("budget, extensions and minimum thinking must not be negative");
            }
            if (maxAnswerTokens < 1 || maxThinkingTokens < 1) {
                throw new IllegalArgumentException("token limits must be at least 1");
            }
        }

        /** s1's defaults: cap at {@code budget}, no extension. */
        public static Params cap(int budget) {
            return new Params(budget, 0, "Wait", 0, "Final Answer:", 512, 16384);
        }

        public Params withExtensions(int k) {
            return new Params(budget, k, waitWord, minThinkingTokens, answerPrompt, maxAnswerTokens, maxThinkingTokens);
        }

        public Params withMinThinking(int tokens) {
            return new Params(budget, extensions, waitWord, tokens, answerPrompt, maxAnswerTokens, maxThinkingTokens);
        }
    }

    /** The most single tokens tried before the model opens its thinking; a model that has not by then never will. */
    private static final int PREAMBLE_TOKENS = 16;

    private final ModelBackend model;
    private final PromptTemplate template;
    private final Params params;

    public BudgetForcing(ModelBackend model, PromptTemplate template, Params params) {
        this.model = model;
        this.template = template;
        this.params = params;
    }

    /** Runs the question; {@code sampling} gives temperature, top-p and seed (its prompt and limit are replaced). */
    public ReplayedTrace run(
            String question, GenerationRequest sampling, ModelBackend.TextStream stream, BooleanSupplier cancelled)
            throws ReplayException {
        return new Run(template.render(question), "", sampling, stream, cancelled).go();
    }

    /**
     * Branch from here: continues the assistant's turn from {@code prefix} (its text up to the chosen position)
     * under the same rules -- thinking already written counts against the budget, a closed thinking goes straight
     * on to the answer. The returned trace holds the prefix followed by the continuation.
     */
    public ReplayedTrace continueFrom(
            String question,
            String prefix,
            GenerationRequest sampling,
            ModelBackend.TextStream stream,
            BooleanSupplier cancelled)
            throws ReplayException {
        String opened = template.openedThinking();
        String own = !opened.isEmpty() && !prefix.startsWith(template.thinkStart()) ? opened + prefix : prefix;
        return new Run(template.render(question), own, sampling, stream, cancelled).go();
    }

    /** One question's state while it runs. */
    private final class Run {
        private final String prompt;
        private final GenerationRequest sampling;
        private final ModelBackend.TextStream stream;
        private final BooleanSupplier cancelled;
        private final StringBuilder out = new StringBuilder();
        private final List<Segment> segments = new ArrayList<>();
        private int total;
        private int thinking;

        Run(
                String rendered,
                String written,
                GenerationRequest sampling,
                ModelBackend.TextStream stream,
                BooleanSupplier cancelled) {
            String opened = template.openedThinking();
            this.prompt = rendered.substring(0, rendered.length() - opened.length());
            this.sampling = sampling;
            this.stream = stream;
            this.cancelled = cancelled;
            out.append(written.isEmpty() ? opened : written);
        }

        ReplayedTrace go() throws ReplayException {
            int closed = out.indexOf(template.thinkEnd());
            if (closed >= 0) { // a branch from inside the answer
                int opened = out.indexOf(template.thinkStart());
                int from = opened < 0 ? 0 : opened + template.thinkStart().length();
                thinking = countAfter(from, closed);
                return answer(
                        opened < 0 ? -1 : opened + template.thinkStart().length(),
                        closed,
                        closed + template.thinkEnd().length());
            }
            if (!template.preopensThinking() && out.indexOf(template.thinkStart()) < 0) {
                FinishReason preamble = openThinking();
                if (preamble == FinishReason.CANCELLED) {
                    return finished(-1, -1, -1, FinishReason.CANCELLED);
                }
                if (preamble == FinishReason.LENGTH) { // answering without thinking: let it finish
                    preamble = generate(params.maxAnswerTokens(), template.endOfTurn())
                            .finish();
                }
                if (preamble != null) {
                    return finished(-1, -1, 0, preamble);
                }
            }
            int thinkStart = template.preopensThinking()
                    ? template.openedThinking().length()
                    : out.indexOf(template.thinkStart()) + template.thinkStart().length();
            thinking = out.length() > thinkStart ? countAfter(thinkStart, out.length()) : 0;
            int remaining = (params.budget() > 0 ? params.budget() : params.maxThinkingTokens()) - thinking;
            int extensions = 0;
            while (true) {
                Generation g = remaining > 0
                        ? generate(remaining, withThinkEnd())
                        : new Generation("", 0, FinishReason.LENGTH);
                thinking += g.tokens();
                remaining -= g.tokens();
                if (g.finish() == FinishReason.CANCELLED) {
                    return finished(thinkStart, -1, -1, FinishReason.CANCELLED);
                }
                boolean endedItself = g.finish() == FinishReason.STOP;
                boolean wantsMore = extensions < params.extensions() || thinking < params.minThinkingTokens();
                int waitTokens = endedItself && wantsMore ? model.countTokensAfter(prompt + out, params.waitWord()) : 0;
                if (endedItself && wantsMore && remaining > waitTokens) {
                    force(SegmentKind.INJECTED_WAIT, params.waitWord(), "extension " + (extensions + 1));
                    thinking += waitTokens;
                    remaining -= waitTokens;
                    extensions++;
                    continue;
                }
                if (endedItself) {
                    int thinkEnd = out.length();
                    append(template.thinkEnd());
                    return answer(thinkStart, thinkEnd, out.length());
                }
                if (params.budget() == 0) {
                    return finished(thinkStart, -1, -1, FinishReason.LENGTH);
                }
                String close = (out.isEmpty() || out.charAt(out.length() - 1) == '\n' ? "" : "\n") + template.thinkEnd()
                        + "\n";
                int thinkEnd = out.length();
                force(SegmentKind.FORCED_THINKING_END, close, "budget of " + params.budget() + " tokens spent");
                force(SegmentKind.ANSWER_PROMPT, params.answerPrompt(), null);
                return answer(thinkStart, thinkEnd, out.length());
            }
        }

        /**
         * Lets the model write up to its thinking start one token at a time, so that the budget counts from there.
         * Null once the thinking is open; else why the model stopped without opening it (LENGTH: it did not stop).
         */
        private FinishReason openThinking() throws ReplayException {
            for (int i = 0; i < PREAMBLE_TOKENS; i++) {
                Generation g = generate(1, template.endOfTurn());
                if (out.indexOf(template.thinkStart()) >= 0) {
                    return null;
                }
                if (g.finish() != FinishReason.LENGTH) {
                    return g.finish();
                }
            }
            return FinishReason.LENGTH;
        }

        private ReplayedTrace answer(int thinkStart, int thinkEnd, int answerStart) throws ReplayException {
            Generation g = generate(params.maxAnswerTokens(), template.endOfTurn());
            return finished(thinkStart, thinkEnd, answerStart, g.finish());
        }

        private Generation generate(int maxTokens, List<String> stop) throws ReplayException {
            Generation g =
                    model.generate(sampling.withPrompt(prompt + out, maxTokens).withStop(stop), stream, cancelled);
            out.append(g.text());
            total += g.tokens();
            return g;
        }

        private List<String> withThinkEnd() {
            List<String> stop = new ArrayList<>(template.endOfTurn());
            stop.add(0, template.thinkEnd());
            return stop;
        }

        private void force(SegmentKind kind, String text, String detail) throws ReplayException {
            segments.add(new Segment(segments.size(), kind, out.length(), out.length() + text.length(), detail));
            total += model.countTokensAfter(prompt + out, text);
            append(text);
        }

        /** The tokens of {@code out[from, to)} as the model reads them after the prompt and what comes before. */
        private int countAfter(int from, int to) throws ReplayException {
            return model.countTokensAfter(prompt + out.substring(0, from), out.substring(from, to));
        }

        private void append(String text) {
            out.append(text);
            stream.text(text);
        }

        private ReplayedTrace finished(int thinkStart, int thinkEnd, int answerStart, FinishReason finish) {
            return new ReplayedTrace(
                    out.toString(), thinkStart, thinkEnd, answerStart, segments, total, thinking, finish);
        }
    }
}
