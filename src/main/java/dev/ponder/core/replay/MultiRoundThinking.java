package dev.ponder.core.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Think Twice (arXiv 2503.19855): each round answers the question again, told only the previous round's
 * answer -- never its thinking -- in the paper's exact words. Each round is one sample; round k+1 links to k.
 */
public final class MultiRoundThinking {

    /**
     * @param rounds   the number of rounds, 1 being a plain first answer
     * @param perRound how each round thinks (a cap, extensions), as budget forcing runs it
     */
    public record Params(int rounds, BudgetForcing.Params perRound) {
        public Params {
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
            }
        }
    }

    private final BudgetForcing round;
    private final Params params;

    public MultiRoundThinking(ModelBackend model, PromptTemplate template, Params params) {
        this.round = new BudgetForcing(model, template, params.perRound());
        this.params = params;
    }

    /** The prompt of the round after one that answered {@code previousAnswer}. */
    public static String nextRoundQuestion(String question, String previousAnswer) {
        return question + "\nThe assistant's previous answer is: <answer>" + previousAnswer
                + "</answer>, and please re-answer.";
    }

    /** One trace per round, in order; fewer when cancelled. The question each round saw is kept with it. */
    public List<Round> run(
            String question, GenerationRequest sampling, ModelBackend.TextStream stream, BooleanSupplier cancelled)
            throws ReplayException {
        List<Round> done = new ArrayList<>();
        String asked = question;
        for (int r = 1; r <= params.rounds(); r++) {
            ReplayedTrace trace = round.run(asked, sampling, stream, cancelled);
            done.add(new Round(r, asked, trace));
            if (trace.finish() == FinishReason.CANCELLED) {
                break;
            }
            asked = nextRoundQuestion(question, trace.answer().strip());
        }
        return done;
    }

    /** One round: its number (from 1), the question as the model saw it, and what it wrote. */
    public record Round(int round, String asked, ReplayedTrace trace) {}
}
