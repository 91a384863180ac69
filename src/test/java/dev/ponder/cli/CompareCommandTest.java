package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponder compare}: two runs of the same problems, paired. */
class CompareCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    private String workspace;

    @BeforeEach
    void importTwoBudgets() {
        workspace = cli.importInto(dir, Path.of("sample-runs/tiny-reasoner-sweep-budget-032.jsonl"));
        assertThat(cli.run("import", "sample-runs/tiny-reasoner-sweep-budget-064.jsonl", "-w", workspace))
                .as(cli.err())
                .isZero();
        cli.clearOut();
    }

    @Test
    void printsTheFlipsMcNemarAndThePairedDifference() throws Exception {
        assertThat(cli.run("compare", "1", "2", "--json", "--problems", "-w", workspace))
                .as(cli.err())
                .isZero();
        JsonNode document = new ObjectMapper().readTree(cli.out());
        assertThat(document.get("shared").asInt()).isEqualTo(100);
        JsonNode flips = document.get("flips");
        int discordant = flips.get("a_only").asInt() + flips.get("b_only").asInt();
        assertThat(flips.get("both").asInt() + discordant + flips.get("neither").asInt())
                .isEqualTo(100);
        assertThat(document.get("mcnemar").get("exact_p").asDouble()).isBetween(0.0, 1.0);
        // greedy runs: one sample per problem, so the difference of pass rates is that of accuracies, 42% − 12%
        assertThat(document.get("difference").get("value").asDouble())
                .isEqualTo(0.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(document.get("problems")).hasSize(100);

        cli.clearOut();
        assertThat(cli.run("compare", "1", "2", "--k", "1", "--json", "-w", workspace))
                .isZero();
        JsonNode atK = new ObjectMapper().readTree(cli.out()).get("at_k");
        assertThat(atK.get("pass_at_k").get("value").asDouble())
                .as("pass@1 of one sample is its pass rate")
                .isEqualTo(
                        document.get("difference").get("value").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        // per difficulty level of A, the same figures: the levels hold every problem, and their problem-weighted
        // differences make up the whole, as the flips per level do
        double weighted = 0;
        int levelled = 0;
        for (JsonNode level : atK.get("levels")) {
            levelled += level.get("problems").asInt();
            weighted += level.get("problems").asInt()
                    * level.get("pass_at_k").get("value").asDouble();
        }
        assertThat(levelled).isEqualTo(atK.get("problems").asInt());
        assertThat(weighted / levelled)
                .isEqualTo(atK.get("pass_at_k").get("value").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        int flipsByLevel = 0;
        for (JsonNode level : document.get("levels")) {
            flipsByLevel += level.get("a_only").asInt();
        }
        assertThat(flipsByLevel).isEqualTo(flips.get("a_only").asInt());

        cli.clearOut();
        assertThat(cli.run("compare", "1", "2", "-w", workspace)).isZero();
        assertThat(cli.out())
                .contains("100 shared problems")
                .contains("McNemar exact")
                .contains("Pass rate B − A");
    }

    @Test
    void anUnknownMeaningOfSolvedIsAUsageError() {
        assertThat(cli.run("compare", "1", "2", "--by", "vibes", "-w", workspace))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--by is majority, first or rate");
    }
}
