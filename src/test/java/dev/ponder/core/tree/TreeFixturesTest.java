package dev.ponder.core.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.export.ChartFiles;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Problem;
import dev.ponder.core.service.TreeService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.TaskContext;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every tree format's own fixture imports, loads as a tree, lays out and draws in the paper style. */
class TreeFixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rstar_mcts.jsonl, 6",
        "treelog_example_3.json, 4",
        "omegaprm_question_7.json, 8",
        "tot_bfs_game24.json, 10"
    })
    void eachTreeFormatImportsAndRenders(String fixture, int nodes) {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            ImportResult imported =
                    workspace.imports().importFile(FIXTURES.resolve(fixture), ImportOptions.DEFAULT, TaskContext.NONE);
            TreeService loader = workspace.trees();
            Problem problem = loader.firstProblem(imported.runId()).orElseThrow();
            assertThat(loader.available(imported.runId(), problem.id())).containsExactly(TreeSource.SEARCH);
            SearchTree tree = loader.load(imported.runId(), problem.id(), TreeSource.SEARCH, true);
            assertThat(tree.size()).isEqualTo(nodes);
            for (TreeOptions.Orientation orientation : TreeOptions.Orientation.values()) {
                TreeScene scene = new TreeScene(
                        tree,
                        TreeOptions.DEFAULT
                                .withOrientation(orientation)
                                .withCorrectPaths(true)
                                .withEdgeLabels(true),
                        new BitSet(),
                        tree.size() - 1);
                assertThat(scene.shown()).hasSize(nodes);
                BufferedImage image = ChartFiles.image(
                        new TreeFigure(scene, PaperStyle.SINGLE_COLUMN, fixture), PaperStyle.SINGLE_COLUMN, 100);
                assertThat(inkedPixels(image)).as("something drawn").isGreaterThan(500);
            }
        }
    }

    @ParameterizedTest(name = "a nested tree through the generic mapping")
    @CsvSource("generic/omegaprm_tree.json")
    void aMappedNestedTreeRendersToo(String fixture) {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            java.util.Map<FieldMapping.Field, JsonPath> paths = new java.util.EnumMap<>(FieldMapping.Field.class);
            String[] fields = {
                "root",
                "tree",
                "children",
                "children",
                "node_text",
                "text",
                "value",
                "mc_value",
                "question",
                "question",
                "gold",
                "answer",
                "node_answer",
                "final"
            };
            for (int i = 0; i < fields.length; i += 2) {
                paths.put(FieldMapping.Field.parse(fields[i]), JsonPath.parse(fields[i + 1]));
            }
            FieldMapping mapping = new FieldMapping(FieldMapping.Layout.TREE, null, paths);
            ImportResult imported = workspace
                    .imports()
                    .importFile(
                            FIXTURES.resolve("..").resolve(fixture),
                            ImportOptions.DEFAULT.withMapping(mapping),
                            TaskContext.NONE);
            TreeService loader = workspace.trees();
            Problem problem = loader.firstProblem(imported.runId()).orElseThrow();
            SearchTree tree = loader.load(imported.runId(), problem.id(), TreeSource.SEARCH, true);
            assertThat(tree.size()).isEqualTo(5);
            assertThat(tree.pathsToCorrect().cardinality()).isEqualTo(3);
        }
    }

    private static int inkedPixels(BufferedImage image) {
        int inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        return inked;
    }
}
