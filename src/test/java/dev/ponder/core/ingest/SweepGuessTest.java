package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.ingest.plan.SweepGuess;
import dev.ponder.core.model.RunAttribute;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepGuessTest {

    private static Optional<SweepGuess.Sweep> guess(String... names) {
        return SweepGuess.of(Arrays.asList(names));
    }

    private static List<String> values(SweepGuess.Sweep sweep) {
        return sweep.values();
    }

    @Test
    void readsABudgetSweepFromTheNumberThatVaries() {
        SweepGuess.Sweep sweep = guess("aime_budget_1024.jsonl", "aime_budget_2048.jsonl", "aime_budget_4096.jsonl")
                .orElseThrow();
        assertThat(sweep.attribute()).isEqualTo(RunAttribute.BUDGET);
        assertThat(values(sweep)).containsExactly("1024", "2048", "4096");
        assertThat(sweep.pattern()).isEqualTo("aime_budget_*");
        assertThat(guess("out/budget_512", "out/budget_1024"))
                .get()
                .satisfies(folders -> assertThat(values(folders)).containsExactly("512", "1024"));
    }

    @Test
    void takesThousandsAsPowersOfTwoAndIgnoresNumbersThatStayTheSame() {
        SweepGuess.Sweep sweep = guess("s1_qwen2.5_512.jsonl", "s1_qwen2.5_8k.jsonl", "s1_qwen2.5_32K.jsonl")
                .orElseThrow();
        assertThat(sweep.attribute()).isEqualTo(RunAttribute.BUDGET);
        assertThat(values(sweep)).containsExactly("512", "8192", "32768");
        assertThat(sweep.pattern()).isEqualTo("s1_qwen2.5_*");
    }

    @Test
    void namesSeedsTemperaturesAndMaxTokensByTheWordBefore() {
        assertThat(guess("run_seed0.json", "run_seed1.json"))
                .get()
                .satisfies(sweep -> assertThat(sweep.attribute()).isEqualTo(RunAttribute.SEED))
                .satisfies(sweep -> assertThat(values(sweep)).containsExactly("0", "1"));
        assertThat(guess("gen-temp0.6.jsonl", "gen-temp1.0.jsonl"))
                .get()
                .satisfies(sweep -> assertThat(sweep.attribute()).isEqualTo(RunAttribute.TEMPERATURE))
                .satisfies(sweep -> assertThat(values(sweep)).containsExactly("0.6", "1.0"));
        assertThat(guess("limo_max_tokens_4096.jsonl", "limo_max_tokens_16384.jsonl"))
                .get()
                .satisfies(sweep -> assertThat(sweep.attribute()).isEqualTo(RunAttribute.MAX_TOKENS));
    }

    @Test
    void guessesNothingWhenNamesDoNotMakeASweep() {
        assertThat(guess("only_1024.jsonl")).isEmpty();
        assertThat(guess("run_1.jsonl", "run_2.jsonl")).isEmpty();
        assertThat(guess("bon_n16.jsonl", "bon_n64.jsonl")).isEmpty();
        assertThat(guess("budget_32.jsonl", "budget_64.jsonl")).isEmpty();
        assertThat(guess("aime_1024.jsonl", "math_2048.jsonl")).isEmpty();
        assertThat(guess("a_1024.jsonl", "a_1024.jsonl")).isEmpty();
        assertThat(guess(
                        "samples_aime24_2025-06-30T19-40-09.461247.jsonl",
                        "samples_aime24_2025-07-02T08-11-45.001122.jsonl"))
                .isEmpty();
        assertThat(guess("seed_1.5.json", "seed_2.5.json")).isEmpty();
    }
}
