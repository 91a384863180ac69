package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Multi-round thinking, parallel sampling and First Finish Search on the tiny reasoner. */
class StrategiesTest {
    private static final EmbeddedLlama model = TinyModel.shared();

    @Test
    void thinkTwiceAsksWithThePreviousAnswerOnlyInThePapersWords() throws ReplayException {
        String q = "What is 58 + 67?";
        List<MultiRoundThinking.Round> rounds = new MultiRoundThinking(
                        model, PromptTemplate.CHATML, new MultiRoundThinking.Params(3, BudgetForcing.Params.cap(0)))
                .run(q, GenerationRequest.greedy("", 1), ModelBackend.TextStream.NONE, () -> false);
        assertThat(rounds).extracting(MultiRoundThinking.Round::round).containsExactly(1, 2, 3);
        assertThat(rounds.get(0).asked()).isEqualTo(q);
        String first = rounds.get(0).trace().answer().strip();
        assertThat(first).startsWith("\\boxed{");
        assertThat(rounds.get(1).asked())
                .isEqualTo(q + "\nThe assistant's previous answer is: <answer>" + first
                        + "</answer>, and please re-answer.");
        assertThat(rounds.get(1).asked()).doesNotContain("<think>");
        assertThat(rounds.get(2).asked())
                .contains(rounds.get(1).trace().answer().strip());
    }

    @Test
    void samplesAreReproducibleBySeedAndDifferAcrossSeeds() throws ReplayException {
        ParallelSampling sampling = new ParallelSampling(model, PromptTemplate.CHATML, BudgetForcing.Params.cap(0));
        GenerationRequest hot = new GenerationRequest("", 1, 1.2, 1.0, 42, List.of());
        String q = "What is 4821 - 1937?";
        List<ReplayedTrace> a = sampling.sample(q, 6, 3, hot, ParallelSampling.Streams.NONE, () -> false);
        List<ReplayedTrace> b = sampling.sample(q, 6, 2, hot, ParallelSampling.Streams.NONE, () -> false);
        assertThat(a).hasSize(6);
        assertThat(a.stream().map(ReplayedTrace::text).toList())
                .isEqualTo(b.stream().map(ReplayedTrace::text).toList());
        assertThat(a.stream().map(ReplayedTrace::text).distinct().count()).isGreaterThan(1);
    }

    @Test
    void firstFinishKeepsTheFirstToEndAndCancelsTheRest() throws ReplayException {
        ParallelSampling sampling = new ParallelSampling(model, PromptTemplate.CHATML, BudgetForcing.Params.cap(0));
        GenerationRequest hot = new GenerationRequest("", 1, 1.0, 1.0, 7, List.of());
        ParallelSampling.Outcome out = sampling.firstFinish(
                "Zoe has 52 cards and buys 7 bags of 46 cards. How many cards does Zoe have now?",
                4,
                hot,
                ParallelSampling.Streams.NONE,
                () -> false);
        assertThat(out.first()).isBetween(0, 3);
        assertThat(out.all().get(out.first()).finish()).isEqualTo(FinishReason.STOP);
        assertThat(IntStream.range(0, 4)
                        .filter(i -> i != out.first())
                        .mapToObj(i -> out.all().get(i).finish()))
                .allMatch(f -> f != FinishReason.LENGTH);
    }

    @Test
    void eachProblemDrawsFromItsOwnSeedSoNoTwoProblemsShareARandomStream() {
        long a = ParallelSampling.problemSeed(1, "tiny-arith/001");
        long b = ParallelSampling.problemSeed(1, "tiny-arith/002");
        assertThat(a).isNotEqualTo(b).isBetween(0L, (long) Integer.MAX_VALUE);
        assertThat(ParallelSampling.problemSeed(1, "tiny-arith/001")).isEqualTo(a);
        assertThat(ParallelSampling.problemSeed(2, "tiny-arith/001")).isNotEqualTo(a);
        // SHA-256("1/tiny-arith/001"), first four bytes, top bit cleared: fixed, so a replay repeats anywhere.
        assertThat(a).isEqualTo(expected("1/tiny-arith/001"));
    }

    private static long expected(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new java.math.BigInteger(1, java.util.Arrays.copyOf(d, 4)).longValue() & 0x7fffffffL;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
