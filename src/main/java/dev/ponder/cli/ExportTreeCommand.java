package dev.ponder.cli;

import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.export.ChartFiles.Format;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.TreeService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.tree.SearchTree;
import dev.ponder.core.tree.TreeFigure;
import dev.ponder.core.tree.TreeOptions;
import dev.ponder.core.tree.TreeScene;
import dev.ponder.core.tree.TreeSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ponder export-tree}: one problem's tree as a figure for a paper, without the window. */
@Command(
        name = "export-tree",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Draw one problem's tree to PDF, SVG or PNG (by the --out file's extension) in the paper style:",
            "the search tree a run recorded, or the problem's samples merged into a prefix tree, or its samples",
            "linked by round and branch."
        })
final class ExportTreeCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run (id or exact name).")
    private String run;

    @Option(
            names = "--problem",
            paramLabel = "KEY",
            description = "The problem's key (default: the run's first tree, or its first sample's problem).")
    private String problem;

    @Option(
            names = "--source",
            paramLabel = "S",
            description = "search, samples or lineage " + "(default: search where the run has a tree, else samples).")
    private String source;

    @Option(names = "--unfolded", description = "Prefix trees: one node per step, unbranched stretches not folded.")
    private boolean unfolded;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "The figure: .pdf, .svg or .png.")
    private Path out;

    @Option(names = "--format", split = ",", paramLabel = "F", description = "More formats to write beside it.")
    private List<String> formats = new ArrayList<>();

    @Option(names = "--dpi", paramLabel = "N", description = "PNG resolution (default: 300).")
    private int dpi = 300;

    @Option(names = "--left-right", description = "Root on the left instead of at the top.")
    private boolean leftRight;

    @Option(names = "--colour", paramLabel = "C", description = "Node colour: value (default) or answer.")
    private String colour = "value";

    @Option(names = "--uniform", description = "All nodes one size, instead of by visits or samples.")
    private boolean uniform;

    @Option(names = "--best-path", description = "Highlight the best path (highest value from the root).")
    private boolean bestPath;

    @Option(names = "--correct-paths", description = "Highlight every path to a right answer.")
    private boolean correctPaths;

    @Option(names = "--edge-labels", description = "Label edges with value, reward and visits where they fit.")
    private boolean edgeLabels;

    @Option(names = "--iteration", paramLabel = "N", description = "The search as it stood after iteration N.")
    private int iteration;

    @ArgGroup(exclusive = false, heading = "%nLooks:%n")
    private FigureLooks looks = new FigureLooks();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (WorkspaceServices workspace = workspaceOption.open()) {
            RunSummary summary = workspace.runs().select(run);
            long runId = summary.run().id();
            Problem chosen = problem == null
                    ? null
                    : workspace
                            .runs()
                            .problem(problem)
                            .orElseThrow(() -> new ParameterException(
                                    spec.commandLine(),
                                    "There is no problem \"" + problem + "\" in the workspace; `ponder stats " + run
                                            + " --problems` lists them."));
            TreeSource wanted = source == null ? null : parse(() -> TreeSource.of(source));
            TreeService.Opened opened = parse(() -> workspace.trees().open(runId, chosen, wanted, false, !unfolded))
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(), "Run " + run + " has neither search trees nor samples."));
            if (opened.tree() == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Run " + summary.run().name() + " has no tree for " + "problem "
                                + opened.problem().key() + ".");
            }
            SearchTree tree = opened.tree();
            TreeSource from = opened.source();
            TreeScene scene = new TreeScene(tree, options(), new BitSet(), -1);
            PaperStyle style = looks.applyTo(PaperStyle.SINGLE_COLUMN);
            TreeFigure figure = new TreeFigure(
                    scene, style, from.label() + " · " + opened.problem().key());
            List<Path> files = new ArrayList<>();
            files.add(this.out);
            for (String format : formats) {
                Format extra = parse(() -> Format.parse(format));
                files.add(withExtension(this.out, extra.extension()));
            }
            for (Path file : files) {
                parse(() -> Format.of(file));
                workspace.exports().figure(figure, figure.title(), style, dpi, file);
                out.printf("Wrote %s (%d of %d nodes shown)%n", file, scene.shown().length, tree.size());
            }
        }
        return 0;
    }

    private TreeOptions options() {
        TreeOptions.ColourBy colourBy =
                parse(() -> TreeOptions.ColourBy.valueOf(colour.strip().toUpperCase(Locale.ROOT)));
        return TreeOptions.DEFAULT
                .withOrientation(leftRight ? TreeOptions.Orientation.LEFT_RIGHT : TreeOptions.Orientation.TOP_DOWN)
                .withSizeBy(uniform ? TreeOptions.SizeBy.UNIFORM : TreeOptions.SizeBy.WEIGHT)
                .withColourBy(colourBy)
                .withBestPath(bestPath)
                .withCorrectPaths(correctPaths)
                .withEdgeLabels(edgeLabels)
                .withIteration(iteration);
    }

    private <T> T parse(java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "." + extension);
    }
}
