package dev.ponder.cli;

import dev.ponder.core.service.WorkspaceServices;
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
@Command(
        name = "tag",
        mixinStandardHelpOptions = true,
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
        try (WorkspaceServices workspace = workspaceOption.open()) {
            String what;
            if (target.sample != null) {
                workspace.annotations().tagSample(target.sample, tag, !remove);
                what = "sample " + target.sample;
            } else {
                what = "problem " + workspace.annotations().tagProblem(target.problem, tag, !remove);
            }
            PrintWriter printer = spec.commandLine().getOut();
            printer.printf(
                    "%s \"%s\" %s %s%n", remove ? "Removed" : "Tagged", tag.strip(), remove ? "from" : "on", what);
            printer.flush();
        }
        return 0;
    }
}
