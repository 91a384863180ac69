package dev.ponder.cli;

import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.mapping.SavedMapping;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.service.FieldMappings;
import dev.ponder.core.service.ImportService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.settings.UserSettings;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder import FILE...}: imports run files, each as one run, each all or nothing. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import run files into the workspace (created if missing), one run per file.",
            "A file that fails leaves nothing behind; the other files still import."
        })
final class ImportCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "Run files, or folders of them, to import. The runs "
                            + "of a folder get the folder's name as their group; files named alike but for one number (budget_1024, "
                            + "budget_2048) get that number as their budget, seed, temperature or max tokens where the file does not say.")
    private List<Path> files;

    @Option(
            names = "--format",
            paramLabel = "F",
            description = "Read the files as this format instead of recognising it.")
    private String format;

    @Option(
            names = "--tokenizer",
            paramLabel = "T",
            description = "Count tokens the file does not count with T: cl100k (default estimate), o200k, "
                    + "or the model's tokenizer.json (exact).")
    private String tokenizer;

    @Option(
            names = "--grader",
            paramLabel = "G",
            description =
                    "Grade samples the file gives no verdict for with G: ponder-math (default), exact, multiple-choice.")
    private String grader;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            mapFallbackValue = "",
            description = "Set a run attribute: name, model, strategy, grader, notes, or any parameter "
                    + "(temperature, budget, seed, group, ...). Repeatable.")
    private Map<String, String> attributes = new TreeMap<>();

    @Option(
            names = "--map",
            paramLabel = "FIELD=PATH",
            mapFallbackValue = "",
            description =
                    "Read files no reader knows with this field mapping (repeatable): trace, reasoning, question, "
                            + "gold, answer, correct, tokens, thinking_tokens, score, finish_reason, index, problem, budget "
                            + "(one run per budget: a sweep), round; for trees "
                            + "children, node_text, value, visits, reward, node_answer, node_correct. PATH is dotted "
                            + "(doc.problem); a[] walks a list (responses[].content).")
    private Map<String, String> map = new TreeMap<>();

    @Option(
            names = "--layout",
            paramLabel = "L",
            description = "With --map: samples (a record per sample), problems "
                    + "(a record per problem with lists; the default when trace walks a list) or tree.")
    private String layout;

    @Option(
            names = "--records",
            paramLabel = "PATH",
            description = "With --map: the top-level field holding the list of "
                    + "records, or * for an object keyed by problem id.")
    private String records;

    @Option(
            names = "--remember",
            description = "With --map: use this mapping for files of the same shape from now on (the default: a "
                    + "mapping that was used is remembered; kept for scripts that pass it).")
    private boolean remember;

    @Option(names = "--again", description = "Import files even if the same content was imported before.")
    private boolean again;

    @Option(
            names = "--follow",
            description = "Follow one file a running evaluation is still writing: import it, then again as complete "
                    + "lines are added (the run refreshed each time), until it has not grown for --quiet-seconds "
                    + "or Ctrl-C.")
    private boolean follow;

    @Option(
            names = "--quiet-seconds",
            paramLabel = "S",
            defaultValue = "60",
            description = "With --follow: stop once the file has not grown for S seconds (default 60).")
    private int quietSeconds;

    @Option(
            names = "--dry-run",
            description = "Say how each file would be read and show its first three samples as they would be stored, "
                    + "without writing to the workspace.")
    private boolean dryRun;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options;
        FieldMapping mapping;
        try {
            options = ImportOptions.DEFAULT
                    .withFormat(format)
                    .withTokenizer(tokenizer)
                    .withGrader(grader)
                    .withAttributes(attributes, Map.of());
            if (again) {
                options = options.evenIfImportedBefore();
            }
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--set: " + e.getMessage());
        }
        try {
            mapping = map.isEmpty() ? null : mapping();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--map: " + e.getMessage());
        }
        SettingsStore store = new SettingsStore(PonderHome.resolve().settingsFile());
        UserSettings settings = store.load();
        List<ImportResult> imported = new ArrayList<>();
        List<String[]> failed = new ArrayList<>();
        List<PlannedFile> plan;
        try {
            plan = ImportService.plan(files, mapping == null ? format : null, settings::mappingFor, TaskContext.NONE);
        } catch (UncheckedIOException e) {
            err.println("ponder: " + e.getMessage());
            return PonderCli.FAILED;
        }
        if (follow) {
            return follow(out, err, options, mapping, plan);
        }
        if (plan.isEmpty()) {
            err.println("ponder: no run files in "
                    + files.stream().map(Path::toString).toList() + " (an empty folder?); nothing was imported.");
            return PonderCli.FAILED;
        }
        TaskContext progress = ConsoleProgress.on(err, json);
        PonderHome home = PonderHome.resolve();
        Path dry;
        try {
            dry = dryRun ? DryRun.file(home) : null;
        } catch (IOException e) {
            err.println("ponder: cannot make the dry run's workspace in "
                    + home.nativesDir().getParent() + ": " + e.getMessage());
            return PonderCli.FAILED;
        }
        try (WorkspaceServices workspace =
                dryRun ? WorkspaceServices.create(dry, home) : workspaceOption.openOrCreate()) {
            for (PlannedFile planned : plan) {
                Path file = planned.file();
                if (!planned.inFolder() && !files.contains(file) && !json) {
                    out.println("Importing " + file.getFileName() + ": the samples of the results summary named, "
                            + "which it reads for the run's model and settings");
                }
                if (mapping != null) {
                    planned = planned.withMapping(mapping);
                    settings = remembered(store, settings, planned, mapping, err);
                } else if (!planned.recognised() && planned.mappable()) {
                    Optional<FieldMappings.Guess> guess = FieldMappings.guessFor(file);
                    if (guess.isPresent() && guess.get().confident()) {
                        FieldMapping guessed = guess.get().mapping();
                        if (!json) {
                            out.println("No reader knows " + file.getFileName() + "; reading it with the mapping "
                                    + "guessed from its fields (correct it with these options if it is wrong):");
                            out.println("  " + guessed.asArguments());
                        }
                        planned = planned.withMapping(guessed);
                        settings = remembered(store, settings, planned, guessed, err);
                    } else {
                        String why = guess.map(g -> "the mapping guessed from its fields is not sure ("
                                        + g.doubt() + "): correct it and pass it back: ponder import " + file + " "
                                        + g.mapping().asArguments())
                                .orElse("no field looks like generated text; map its fields with --map (see ponder "
                                        + "import --help)");
                        failed.add(new String[] {file.toString(), file.getFileName() + ": " + why});
                        if (!json) {
                            err.println(
                                    "ponder: not imported: " + file.getFileName() + ": no reader knows it, and " + why);
                            err.flush();
                        }
                        continue;
                    }
                } else if (!planned.recognised()) {
                    if (planned.inFolder()) {
                        if (!json) {
                            out.println("Left out " + file + ": " + withoutFileName(planned.problem(), file));
                        }
                    } else {
                        failed.add(new String[] {file.toString(), planned.problem()});
                        if (!json) {
                            err.println("ponder: not imported: " + planned.problem());
                            err.flush();
                        }
                    }
                    continue;
                } else if (planned.mapping() != null && !json) {
                    out.println("Reading " + file.getFileName() + " with the mapping saved for files of its shape");
                }
                if (!planned.guessed().isEmpty() && !json) {
                    out.println("Reading " + file.getFileName() + " with " + describe(planned.guessed())
                            + " (from its name or folder) where the file does not say");
                }
                if (!json && !dryRun) {
                    PlannedFile reading = planned;
                    ImportService.summaryFigures(file, planned.options(options))
                            .ifPresent(figures -> ImportReport.summaryFigures(out, reading, figures));
                }
                try {
                    ImportResult result;
                    try {
                        result = workspace.imports().importFile(file, planned.options(options), progress);
                    } finally {
                        ConsoleProgress.clear(progress);
                    }
                    imported.add(result);
                    if (!json) {
                        ImportReport.describe(out, file, result);
                        if (dryRun) {
                            DryRun.showFirstSamples(out, workspace, result);
                        } else {
                            ImportReport.firstFigures(out, workspace, result);
                        }
                    }
                } catch (ImportException e) {
                    failed.add(new String[] {file.toString(), e.getMessage()});
                    if (!json) {
                        err.println("ponder: not imported: " + e.getMessage());
                        err.flush();
                    }
                }
            }
            if (!dryRun && !imported.isEmpty()) {
                // The runs are in the workspace with their figures; what follows makes their traces searchable.
                try {
                    workspace.search().indexPending(progress);
                } finally {
                    ConsoleProgress.clear(progress);
                }
            }
            if (json) {
                JsonOutput.print(out, ImportReport.document(workspace, imported, failed));
            }
        } finally {
            if (dry != null) {
                DryRun.delete(dry);
            }
        }
        if (dryRun && !json) {
            out.println("Dry run: nothing was written to the workspace.");
        }
        return exitStatus(imported, failed);
    }

    /** {@code --follow}: one file, imported again as it grows, each refresh said. */
    private Integer follow(
            PrintWriter out, PrintWriter err, ImportOptions options, FieldMapping mapping, List<PlannedFile> plan) {
        if (files.size() != 1 || plan.size() != 1 || quietSeconds < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--follow follows one file, and --quiet-seconds is at least 1");
        }
        PlannedFile planned = mapping != null ? plan.get(0).withMapping(mapping) : plan.get(0);
        Path file = planned.file();
        if (!planned.recognised()) {
            err.println("ponder: not followed: " + planned.problem());
            return PonderCli.FAILED;
        }
        try (WorkspaceServices workspace = workspaceOption.openOrCreate()) {
            out.println("Following " + file.getFileName() + ": the run is read again as complete lines are added, "
                    + "until the file has not grown for " + quietSeconds + " s (or Ctrl-C).");
            out.flush();
            ImportResult last = workspace
                    .imports()
                    .follow(
                            file,
                            planned.options(options),
                            java.time.Duration.ofSeconds(quietSeconds),
                            result -> {
                                ImportReport.describe(out, file, result);
                                out.flush();
                            },
                            TaskContext.NONE);
            return last == null ? PonderCli.FAILED : exitStatus(List.of(last), List.of());
        } catch (ImportException e) {
            err.println("ponder: not imported: " + e.getMessage());
            return PonderCli.FAILED;
        }
    }

    /** 0 all imported whole; 1 nothing imported; 3 imported, but records or files were left out. */
    private static int exitStatus(List<ImportResult> imported, List<String[]> failed) {
        if (imported.isEmpty()) {
            return PonderCli.FAILED;
        }
        boolean partial = !failed.isEmpty() || imported.stream().anyMatch(r -> r.skippedCount() > 0);
        return partial ? PonderCli.PARTIAL : 0;
    }

    /** A mapping that was used is remembered for the next file of the same shape, as the window does. */
    private UserSettings remembered(
            SettingsStore store, UserSettings settings, PlannedFile planned, FieldMapping used, PrintWriter err) {
        if (dryRun || planned.shape() == null) {
            return settings;
        }
        UserSettings updated = settings.withMapping(planned.shape(), SavedMapping.of(used));
        saveQuietly(store, updated, err);
        return updated;
    }

    /** "budget 1024, group sweep A". */
    private static String describe(Map<String, String> attributes) {
        return new TreeMap<>(attributes)
                .entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String withoutFileName(String problem, Path file) {
        String prefix = file.getFileName() + ": ";
        return problem != null && problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem;
    }

    private static void saveQuietly(SettingsStore store, UserSettings settings, PrintWriter err) {
        try {
            store.save(settings);
        } catch (IOException e) {
            err.println("ponder: cannot remember the mapping in " + store.file() + ": " + e.getMessage());
        }
    }

    private FieldMapping mapping() {
        Map<FieldMapping.Field, JsonPath> paths = new EnumMap<>(FieldMapping.Field.class);
        map.forEach((field, path) -> paths.put(FieldMapping.Field.parse(field), JsonPath.parse(path)));
        FieldMapping.Layout chosen;
        if (layout != null) {
            chosen = FieldMapping.Layout.parse(layout);
        } else if (paths.containsKey(FieldMapping.Field.CHILDREN)) {
            chosen = FieldMapping.Layout.TREE;
        } else {
            JsonPath trace = paths.get(FieldMapping.Field.TRACE);
            chosen = trace != null && trace.isList() ? FieldMapping.Layout.PROBLEMS : FieldMapping.Layout.SAMPLES;
        }
        return new FieldMapping(chosen, records, paths);
    }
}
