package dev.ponder.core.analysis;

import java.util.List;

/**
 * A run's overthinking figures from its samples' {@link SampleEfficiency}: outcome efficiency
 * ξ_O = mean of σ·T̂/T (σ = 1 when some solution is correct), process efficiency ξ_P = mean of D/T, the tokens
 * spent after the first correct answer, thoughts per sample, reflection markers per 1,000 tokens, and answer
 * flips. Samples without a token count are left out.
 *
 * @param samples                   samples counted
 * @param outcomeEfficiency         ξ_O
 * @param processEfficiency         ξ_P (distinct intermediate answers stand in for solution clusters)
 * @param solvedShare               share of samples with a correct answer somewhere along the trace
 * @param tokensAfterFirstCorrect   mean tokens after the first correct answer, over samples that have one
 * @param meanThoughts              mean thoughts per sample
 * @param meanSolutions             mean stated answers per sample
 * @param markersPerThousandTokens  reflection markers per 1,000 tokens, over all counted samples
 * @param flipsToWrong              correct answers later replaced by a wrong one, in all
 * @param flipsToRight              wrong answers later replaced by a correct one, in all
 * @param samplesWithFlips          samples with at least one flip
 */
public record Overthinking(
        int samples,
        double outcomeEfficiency,
        double processEfficiency,
        double solvedShare,
        double tokensAfterFirstCorrect,
        double meanThoughts,
        double meanSolutions,
        double markersPerThousandTokens,
        long flipsToWrong,
        long flipsToRight,
        int samplesWithFlips) {

    public static Overthinking of(List<SampleEfficiency> samples) {
        int counted = 0;
        double outcome = 0;
        double process = 0;
        int solved = 0;
        double after = 0;
        long thoughts = 0;
        long solutions = 0;
        long markers = 0;
        long tokens = 0;
        long toWrong = 0;
        long toRight = 0;
        int withFlips = 0;
        for (SampleEfficiency sample : samples) {
            if (sample == null || sample.tokens() <= 0) {
                continue;
            }
            counted++;
            if (sample.firstCorrectAt() >= 0) {
                solved++;
                outcome += (double) sample.firstCorrectAt() / sample.tokens();
                after += sample.tokens() - sample.firstCorrectAt();
            }
            process += Math.min(1.0, (double) sample.distinctTokens() / sample.tokens());
            thoughts += sample.thoughts();
            solutions += sample.solutions();
            markers += sample.markers();
            tokens += sample.tokens();
            toWrong += sample.flipsToWrong();
            toRight += sample.flipsToRight();
            if (sample.flipsToWrong() + sample.flipsToRight() > 0) {
                withFlips++;
            }
        }
        if (counted == 0) {
            return new Overthinking(
                    0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
        }
        return new Overthinking(
                counted,
                outcome / counted,
                process / counted,
                (double) solved / counted,
                solved == 0 ? Double.NaN : after / solved,
                (double) thoughts / counted,
                (double) solutions / counted,
                tokens == 0 ? Double.NaN : markers * 1000.0 / tokens,
                toWrong,
                toRight,
                withFlips);
    }
}
