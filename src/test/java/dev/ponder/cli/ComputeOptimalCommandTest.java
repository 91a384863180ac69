package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.app.compute.ComputeViewModel;
import dev.ponder.core.compute.ComputeFrontier;
import dev.ponder.core.compute.CostAxis;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponder compute-optimal} and the Compute window: the same numbers for the same runs. */
class ComputeOptimalCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    private String workspace;

    @BeforeEach
    void importBestOfSixteenAndASweep() {
        workspace = cli.importInto(dir, Path.of("sample-runs/tiny-reasoner-best-of-16.jsonl"));
        for (String budget : List.of("016", "032", "064", "128")) {
            assertThat(cli.run(
                            "import", "sample-runs/tiny-reasoner-sweep-budget-" + budget + ".jsonl", "-w", workspace))
                    .as(cli.err())
                    .isZero();
        }
        cli.clearOut();
    }

    @Test
    void theCommandAndTheComputeWindowGiveTheSameNumbers() throws Exception {
        assertThat(cli.run(
                        "compute-optimal",
                        "1",
                        "2",
                        "3",
                        "4",
                        "5",
                        "--cost",
                        "eflops",
                        "--bins",
                        "liu",
                        "--json",
                        "-w",
                        workspace))
                .as(cli.err())
                .isZero();
        JsonNode document = new ObjectMapper().readTree(cli.out());
        assertThat(document.get("shared_problems").asInt()).isEqualTo(100);
        assertThat(document.get("baseline").asText()).isEqualTo("tiny-arith best-of-16");
        assertThat(document.get("cost_rests_on").get(0).asText())
                .contains("tiny-reasoner")
                .contains("562.5");
        JsonNode easy = document.get("bins").get(1);
        assertThat(easy.get("name").asText()).isEqualTo("easy (50–100%)");

        try (WorkspaceServices services =
                WorkspaceServices.open(Path.of(workspace), new PonderHome(dir.resolve("h")))) {
            WorkspaceSession session = new WorkspaceSession();
            session.replace(services);
            ComputeViewModel view = new ComputeViewModel(
                    new DirectTaskRunner(), session, services.runs().summaries());
            view.binsProperty().set("liu");
            view.axisProperty().set(CostAxis.EFLOPS);
            view.binProperty().set("easy (50–100%)");
            JsonNode winners = easy.get("winners");
            assertThat(view.rows()).hasSize(winners.size());
            for (int i = 0; i < winners.size(); i++) {
                JsonNode winner = winners.get(i);
                ComputeViewModel.Row row = view.rows().get(i);
                assertThat(row.budget())
                        .isEqualTo(CostAxis.EFLOPS.format(winner.get("budget").asDouble()));
                assertThat(row.winner())
                        .isEqualTo(winner.get("best").get("run").asText() + " at k = "
                                + winner.get("best").get("k").asInt());
                assertThat(row.accuracy())
                        .isEqualTo(ComputeFrontier.percent(
                                winner.get("best").get("accuracy").asDouble(),
                                winner.get("low").asDouble(),
                                winner.get("high").asDouble()));
                assertThat(row.crossValidated())
                        .isEqualTo(ComputeFrontier.percent(
                                winner.get("cross_validated").asDouble(), Double.NaN, Double.NaN));
            }
            assertThat(view.chartProperty().get().data().panels()).hasSize(2);
            // a shape entered in the window is what every run's cost rests on
            view.enter(new dev.ponder.core.compute.ModelShape("my 7B", 7e9, 28, 3584, 28, 4, 128, "entered"));
            assertThat(view.reportProperty().get().costDescription())
                    .singleElement()
                    .asString()
                    .contains("my 7B")
                    .contains("entered");
            assertThat(view.lawsProperty().get()).contains("Control").contains("pass@k ≈ exp(");
        }
    }

    @Test
    void statsSaysWhatEachKCostsAndTheSweepARunBelongsTo() throws Exception {
        assertThat(cli.run("stats", "1", "--json", "--no-overthinking", "--cost", "samples", "-w", workspace))
                .as(cli.err())
                .isZero();
        JsonNode stats = new ObjectMapper().readTree(cli.out());
        assertThat(stats.get("cost").get("at_k").get(2).get("k").asInt()).isEqualTo(4);
        assertThat(stats.get("cost").get("at_k").get(2).get("cost").asDouble()).isEqualTo(4.0);
        assertThat(stats.has("budget_sweep")).isFalse(); // best-of-16 has no budget
        cli.clearOut();
        assertThat(cli.run("stats", "3", "--json", "--no-overthinking", "--cost", "eflops", "-w", workspace))
                .as(cli.err())
                .isZero();
        JsonNode sweep = new ObjectMapper().readTree(cli.out());
        assertThat(sweep.get("cost").get("rests_on").asText()).contains("tiny-reasoner");
        assertThat(sweep.get("cost").get("at_k").get(0).get("cost").asDouble()).isPositive();
        assertThat(sweep.get("budget_sweep").get("s1").get("runs").asInt()).isEqualTo(4);
        assertThat(sweep.get("budget_sweep").get("s1").get("control").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void theEqualComputeChartsTakeTheCostAxis() {
        try (WorkspaceServices services =
                WorkspaceServices.open(Path.of(workspace), new PonderHome(dir.resolve("h")))) {
            long bestOf16 = services.runs().selectRun("1").id();
            dev.ponder.core.compute.CostSettings flops =
                    dev.ponder.core.compute.CostSettings.DEFAULT.withAxis(CostAxis.FLOPS);
            var chart = services.charts()
                    .draw(
                            dev.ponder.core.chart.ChartSpec.of(
                                            dev.ponder.core.chart.ChartKind.SCALING_TOKENS, List.of(bestOf16))
                                    .withCurves(List.of(dev.ponder.core.chart.Curve.PASS))
                                    .withCost(flops),
                            dev.ponder.core.task.TaskContext.NONE);
            var costs = services.compute().costs(bestOf16, flops, List.of(1, 2, 4, 8, 16));
            assertThat(chart.xLabel()).isEqualTo("FLOPs per problem");
            assertThat(chart.panels().get(0).series().get(0).points())
                    .extracting(dev.ponder.core.chart.PlotData.Point::x)
                    .containsExactlyElementsOf(costs.costs());
            var budget = services.charts()
                    .draw(
                            dev.ponder.core.chart.ChartSpec.of(
                                    dev.ponder.core.chart.ChartKind.BUDGET,
                                    services.runs().summaries().stream()
                                            .map(run -> run.run().id())
                                            .toList()),
                            dev.ponder.core.task.TaskContext.NONE);
            assertThat(budget.notes()).anyMatch(note -> note.contains("(s1): Control 100%"));
        }
    }

    @Test
    void aMultiRoundRunIsFittedAgainstItsRounds() {
        assertThat(cli.run("import", "sample-runs/tiny-reasoner-3-rounds.jsonl", "-w", workspace))
                .as(cli.err())
                .isZero();
        try (WorkspaceServices services =
                WorkspaceServices.open(Path.of(workspace), new PonderHome(dir.resolve("h")))) {
            long rounds = services.runs().selectRun("tiny-arith 3 rounds").id();
            var report = services.compute().analyse(dev.ponder.core.compute.ComputeRequest.of(List.of(rounds)));
            assertThat(report.families()).anySatisfy(family -> {
                assertThat(family.unit()).isEqualTo("rounds");
                assertThat(family.fit()).isNotNull();
            });
        }
    }

    @Test
    void theFrontierExportsWithItsCostInTheProvenanceAndIsDrawnAgainFromIt() throws Exception {
        Path figure = dir.resolve("frontier.pdf");
        assertThat(cli.run(
                        "export-chart",
                        "--run",
                        "1",
                        "--run",
                        "2",
                        "--run",
                        "3",
                        "--chart",
                        "frontier",
                        "--cost",
                        "eflops",
                        "--model",
                        "Qwen2.5-7B",
                        "-o",
                        figure.toString(),
                        "-w",
                        workspace))
                .as(cli.err())
                .isZero();
        Path provenance = dir.resolve("frontier.pdf.provenance.json");
        if (!java.nio.file.Files.exists(provenance)) {
            provenance = dir.resolve("frontier.provenance.json");
        }
        String written = java.nio.file.Files.readString(provenance);
        assertThat(written).contains("EFLOPS").contains("Qwen2.5-7B").contains("Kinetics eFLOPs");
        java.nio.file.Files.delete(figure);
        assertThat(cli.run("export-chart", "--spec", provenance.toString(), "-w", workspace))
                .as(cli.err())
                .isZero();
        assertThat(figure).exists();
    }

    @Test
    void printsTheWinnersTableAndRefusesWhatItCannotRead() {
        assertThat(cli.run("compute-optimal", "1", "2", "3", "4", "5", "-w", workspace))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains("100 problems shared by all")
                .contains("level 1 (easiest)")
                .contains("within ")
                .contains("Coverage laws")
                .contains("(s1): Control 100%");
        assertThat(cli.run("compute-optimal", "1", "--bins", "0.5,0.1", "-w", workspace))
                .isEqualTo(2);
        assertThat(cli.err()).contains("is not a binning");
        assertThat(cli.run("compute-optimal", "1", "--cost", "flops", "--model", "no-such-model", "-w", workspace))
                .isEqualTo(2);
        assertThat(cli.err()).contains("built-in table");
    }
}
