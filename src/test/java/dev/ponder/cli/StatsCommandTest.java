package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
    private static final Path SAMPLE =
            Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    private String workspace;

    @BeforeEach
    void importSample() {
        workspace = cli.importInto(dir, SAMPLE);
    }

    @Test
    void jsonFiguresAgreeWithTheClosedFormsProblemByProblem() throws Exception {
        assertThat(cli.run("stats", "1", "-w", workspace, "--json", "--problems"))
                .isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());

        assertThat(json.path("grader").asText()).isEqualTo("file labels");
        assertThat(json.path("problems").asInt()).isEqualTo(6);
        assertThat(json.path("samples").asInt()).isEqualTo(24);
        assertThat(json.path("accuracy").path("value").asDouble()).isEqualTo(0.75);
        assertThat(json.path("options").path("ks").toString()).isEqualTo("[1,2,4]");
        JsonNode problems = json.path("per_problem");
        assertThat(problems).hasSize(6);
        for (int i = 0; i < 3; i++) {
            int k = json.path("pass_at_k").get(i).path("k").asInt();
            double sum = 0;
            double majority = 0;
            for (JsonNode problem : problems) {
                double expected = passAtK(
                        problem.path("graded").asInt(), problem.path("correct").asInt(), k);
                assertThat(problem.path("at_k").get(i).path("pass_at_k").asDouble())
                        .isCloseTo(expected, within(1e-12));
                sum += expected;
                majority += problem.path("at_k").get(i).path("maj_first_k").asDouble();
            }
            assertThat(json.path("pass_at_k").get(i).path("value").asDouble()).isCloseTo(sum / 6, within(1e-12));
            assertThat(json.path("maj_at_k")
                            .path("first_k")
                            .get(i)
                            .path("value")
                            .asDouble())
                    .isCloseTo(majority / 6, within(1e-12));
        }
        JsonNode first = problems.get(0);
        assertThat(first.path("problem_key").asText()).isEqualTo("tiny-arith/0001");
        JsonNode top = first.path("votes").path("clusters").get(0);
        assertThat(top.path("answer").asText()).isEqualTo("85");
        assertThat(top.path("votes").asInt()).isEqualTo(3);
        assertThat(top.path("correct").asBoolean()).isTrue();
        assertThat(first.path("votes").path("margin").asDouble()).isEqualTo(0.5);
        assertThat(json.path("overthinking").path("samples").asInt()).isEqualTo(24);
        assertThat(json.path("best_of_n").path("weighted")).hasSize(3);
    }

    @Test
    void textReportNamesEveryFigureAndHowItWasComputed() {
        assertThat(cli.run("stats", "tiny-arith best-of-4", "-w", workspace, "--k", "1,4", "--problems"))
                .isZero();
        assertThat(cli.out())
                .contains(
                        "6 problems · 24 samples · 24 graded by file labels",
                        "Accuracy         75.0%",
                        "pass@k",
                        "maj@k (random k)",
                        "weighted",
                        "First Finish",
                        "Length vs accuracy",
                        "Overthinking over 24",
                        "tiny-arith/0001",
                        "1,000 resamples, seed 20260101");
    }

    @Test
    void regradingIsOneCommandAndTheFiguresFollow() throws Exception {
        assertThat(cli.run("regrade", "1", "-w", workspace, "--grader", "ponder-math"))
                .isZero();
        assertThat(cli.out()).contains("Run 1 \"tiny-arith best-of-4\": regraded 24 samples with ponder-math");
        cli.clearOut();
        assertThat(cli.run("stats", "1", "-w", workspace, "--json", "--no-overthinking"))
                .isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("grader").asText()).isEqualTo("ponder-math");
        assertThat(json.path("overthinking").isNull()).isTrue();
    }

    /** A paper's grader, tried on a run without regrading it: the figures and their JSON name the grader used. */
    @Test
    void figuresUnderAnotherGraderLeaveTheRunAsItWas() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append("{\"question\": \"What is the square root of 117?\", \"gold\": \"3\\\\sqrt{13}\", "
                    + "\"response\": \"so \\\\boxed{\\\\sqrt{117}}\"}\n");
        }
        lines.append("{\"question\": \"What is 2 + 2?\", \"gold\": \"4\", \"response\": \"\\\\boxed{4}\"}\n");
        Path file = java.nio.file.Files.writeString(dir.resolve("surds.jsonl"), lines.toString());
        String surds = dir.resolve("surds.ponder").toString();
        assertThat(cli.run(
                        "import",
                        file.toString(),
                        "-w",
                        surds,
                        "--map",
                        "question=question",
                        "--map",
                        "gold=gold",
                        "--map",
                        "trace=response"))
                .as(cli.err())
                .isZero();
        for (String[] grader : new String[][] {{"hendrycks-math-strict", "0.25"}, {"qwen-math", "1.0"}}) {
            cli.clearOut();
            assertThat(cli.run("stats", "1", "-w", surds, "--json", "--no-overthinking", "--grader", grader[0]))
                    .as(cli.err())
                    .isZero();
            JsonNode json = new ObjectMapper().readTree(cli.out());
            assertThat(json.path("grader").asText()).isEqualTo(grader[0]);
            assertThat(json.path("accuracy").path("value").asDouble()).isEqualTo(Double.parseDouble(grader[1]));
        }
        cli.clearOut();
        assertThat(cli.run("stats", "1", "-w", surds, "--no-overthinking")).isZero();
        assertThat(cli.out()).contains("4 graded by ponder-math", "Accuracy         100.0%");
        assertThat(cli.run("stats", "1", "-w", surds, "--grader", "sympy")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown grader 'sympy'", "qwen-math");
    }

    @Test
    void noResamplesMeansNoIntervals() throws Exception {
        assertThat(cli.run("stats", "1", "-w", workspace, "--json", "--resamples", "0"))
                .isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("accuracy").path("value").asDouble()).isEqualTo(0.75);
        assertThat(json.path("accuracy").path("low").isNull()).isTrue();
        assertThat(json.path("pass_at_k").get(0).path("high").isNull()).isTrue();
    }

    @Test
    void badChoicesAreRefusedWithWhatWouldDo() {
        assertThat(cli.run("regrade", "1", "-w", workspace, "--grader", "sympy"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("unknown grader 'sympy'", "ponder-math");
        assertThat(cli.run("stats", "1", "-w", workspace, "--difficulty-edges", "0.8,0.2"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("difficulty edges must be increasing");
        assertThat(cli.run("stats", "nope", "-w", workspace)).isEqualTo(1);
        assertThat(cli.err()).contains("There is no run \"nope\"");
    }

    /** 1 − C(n−c, k)/C(n, k) in exact integers. */
    private static double passAtK(int n, int c, int k) {
        if (n - c < k) {
            return 1.0;
        }
        return 1.0
                - new java.math.BigDecimal(choose(n - c, k))
                        .divide(new java.math.BigDecimal(choose(n, k)), java.math.MathContext.DECIMAL64)
                        .doubleValue();
    }

    private static BigInteger choose(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }
}
