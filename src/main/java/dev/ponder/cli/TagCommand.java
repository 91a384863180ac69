package dev.ponder.cli;

import dev.ponder.core.model.Problem;
import dev.ponder.core.store.ProblemRepository;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder tag --sample ID overthinking}: tags a sample or a problem from a script, or takes a tag off. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag a sample (by id, as search and export-samples print it) or a problem (by key).")
final class TagCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @ArgGroup(multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = "--sample", paramLabel = "ID", description = "The sample's id.")
        Long sample;
        @Option(names = "--problem", paramLabel = "KEY", description = "The problem's key.")
        String problem;
    }

    @Parameters(index = "0", paramLabel = "TAG", description = "The tag, e.g. overthinking.")
    private String tag;

    @Option(names = "--remove", description = "Take the tag off instead.")
    private boolean remove;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (Workspace workspace = Workspace.open(workspaceOption.file())) {
            String what = workspace.write(tables -> {
                var tags = tables.tags();
                if (target.sample != null) {
                    if (!tables.samples().exists(target.sample)) {
                        throw new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, workspace.file(),
                                "There is no sample " + target.sample + " in " + workspace.file().getFileName() + ".");
                    }
                    if (remove) {
                        tags.untagSample(target.sample, tag);
                    } else {
                        tags.tagSample(target.sample, tag);
                    }
                    return "sample " + target.sample;
                }
                Problem problem = tables.problems().findByKey(target.problem).orElseThrow(() ->
                        new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, workspace.file(),
                                "There is no problem \"" + target.problem + "\" in " + workspace.file().getFileName() + "."));
                if (remove) {
                    tags.untagProblem(problem.id(), tag);
                } else {
                    tags.tagProblem(problem.id(), tag);
                }
                return "problem " + problem.key();
            });
            PrintWriter printer = spec.commandLine().getOut();
            printer.printf("%s \"%s\" %s %s%n", remove ? "Removed" : "Tagged", tag.strip(), remove ? "from" : "on", what);
            printer.flush();
        }
        return 0;
    }
}
