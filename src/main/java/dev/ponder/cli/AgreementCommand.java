package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.analysis.GraderAgreement;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder agreement RUN}: would another grader, or the harness that wrote the file, say the same? */
@Command(
        name = "agreement",
        mixinStandardHelpOptions = true,
        description = {
            "Grade a run's stored answers with every grader (and compare with the file's own labels): how often each",
            "pair of graders agrees, and the answers they disagree on, grouped by answer and gold."
        })
final class AgreementCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id or exact name (see ponder info).")
    private String run;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (WorkspaceServices workspace = workspaceOption.open()) {
            RunSummary summary = workspace.runs().select(run);
            GraderAgreement agreement = workspace
                    .analysis()
                    .graderAgreement(
                            summary.run().id(),
                            ConsoleProgress.on(spec.commandLine().getErr(), json));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, document(summary, agreement));
            } else {
                text(out, summary, agreement);
            }
            out.flush();
        }
        return 0;
    }

    private static void text(PrintWriter out, RunSummary summary, GraderAgreement a) {
        out.printf(
                Locale.ROOT,
                "Run %d \"%s\": %,d samples, %,d on which some graders disagree%n%n",
                summary.run().id(),
                summary.run().name(),
                a.samples(),
                a.disagreeing());
        out.printf("%-22s", "agree");
        a.graders().forEach(name -> out.printf(" %11s", InfoCommand.clip(name, 11)));
        out.println();
        for (int i = 0; i < a.graders().size(); i++) {
            out.printf("%-22s", a.graders().get(i));
            for (int j = 0; j < a.graders().size(); j++) {
                double share = a.agreement()[i][j];
                out.printf(
                        Locale.ROOT,
                        " %11s",
                        Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * share));
            }
            out.println();
        }
        if (!a.disagreements().isEmpty()) {
            out.printf("%n%8s  %-24s %-16s %s%n", "SAMPLES", "ANSWER", "GOLD", String.join(" / ", a.graders()));
            for (GraderAgreement.Disagreement d : a.disagreements()) {
                StringBuilder verdicts = new StringBuilder();
                for (Boolean verdict : d.verdicts()) {
                    verdicts.append(verdicts.length() == 0 ? "" : " ")
                            .append(verdict == null ? "—" : verdict ? "✓" : "✗");
                }
                out.printf(
                        Locale.ROOT,
                        "%,8d  %-24s %-16s %s%n",
                        d.samples(),
                        InfoCommand.clip(String.valueOf(d.answer()), 24),
                        InfoCommand.clip(String.valueOf(d.gold()), 16),
                        verdicts);
            }
        }
    }

    private static ObjectNode document(RunSummary summary, GraderAgreement a) {
        ObjectNode document = JsonOutput.object();
        document.putObject("run")
                .put("id", summary.run().id())
                .put("name", summary.run().name());
        document.put("samples", a.samples()).put("disagreeing_samples", a.disagreeing());
        ArrayNode graders = document.putArray("graders");
        a.graders().forEach(graders::add);
        ArrayNode matrix = document.putArray("agreement");
        for (double[] row : a.agreement()) {
            ArrayNode line = matrix.addArray();
            for (double share : row) {
                if (Double.isNaN(share)) {
                    line.addNull();
                } else {
                    line.add(share);
                }
            }
        }
        ArrayNode disagreements = document.putArray("disagreements");
        for (GraderAgreement.Disagreement d : a.disagreements()) {
            ObjectNode row = disagreements.addObject().put("answer", d.answer()).put("gold", d.gold());
            row.put("samples", d.samples());
            ArrayNode verdicts = row.putArray("verdicts");
            d.verdicts().forEach(verdict -> {
                if (verdict == null) {
                    verdicts.addNull();
                } else {
                    verdicts.add(verdict);
                }
            });
        }
        return document;
    }
}
