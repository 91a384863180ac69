package dev.ponder.core.ingest;

import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.TreeNode;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.List;

/** A run imported into a test workspace, with typed access to what was stored. */
record ImportedRun(Workspace workspace, ImportResult result) {
    static final Path FIXTURES = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures");

    static ImportedRun of(Workspace workspace, String fixture) {
        return of(workspace, FIXTURES.resolve(fixture), ImportOptions.DEFAULT);
    }

    static ImportedRun of(Workspace workspace, Path file, ImportOptions options) {
        return new ImportedRun(workspace, new Importer(workspace).importFile(file, options, TaskContext.NONE));
    }

    Run run() {
        return workspace.read(tables -> tables.runs().find(result.runId())).orElseThrow();
    }

    List<Problem> problems() {
        return workspace.read(tables -> tables.problems().ofRun(result.runId()));
    }

    Problem problem(String question) {
        return problems().stream()
                .filter(problem -> question.equals(problem.question()))
                .findFirst()
                .orElseThrow();
    }

    List<Sample> samples(Problem problem) {
        return workspace.read(tables -> tables.samples().ofProblem(result.runId(), problem.id()));
    }

    List<Sample> allSamples() {
        return problems().stream().flatMap(problem -> samples(problem).stream()).toList();
    }

    List<Step> steps(Sample sample) {
        return workspace.read(tables -> tables.samples().steps(sample.id()));
    }

    List<TreeNode> tree(Problem problem) {
        return workspace.read(tables -> tables.treeNodes().ofProblem(result.runId(), problem.id()));
    }

    String reference(Problem problem) {
        return workspace
                .read(tables -> tables.runs().problemReference(result.runId(), problem.id()))
                .orElse(null);
    }

    static String thinking(Sample sample) {
        return sample.thinkingText();
    }
}
