package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.mapping.SavedMapping;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.SkippedRecord;
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
import java.util.Locale;
import java.util.Map;
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
                            + "gold, answer, correct, tokens, thinking_tokens, score, finish_reason, index, problem; for trees "
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
            description = "With --map: use this mapping for files of the same shape from now on "
                    + "(ponder import then needs no --map for them).")
    private boolean remember;

    @Option(names = "--again", description = "Import files even if the same content was imported before.")
    private boolean again;

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
        TaskContext progress = ConsoleProgress.on(err, json);
        try (WorkspaceServices workspace = workspaceOption.openOrCreate()) {
            for (PlannedFile planned : plan) {
                Path file = planned.file();
                if (mapping != null) {
                    planned = planned.withMapping(mapping);
                    if (remember && planned.shape() != null) {
                        settings = settings.withMapping(planned.shape(), SavedMapping.of(mapping));
                        saveQuietly(store, settings, err);
                    }
                } else if (!planned.recognised()) {
                    if (planned.inFolder()) {
                        if (!json) {
                            out.println("Left out " + file + ": "
                                    + (planned.mappable()
                                            ? "no reader recognises it (--map reads it with a field mapping)"
                                            : withoutFileName(planned.problem(), file)));
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
                try {
                    ImportResult result;
                    try {
                        result = workspace.imports().importFile(file, planned.options(options), progress);
                    } finally {
                        ConsoleProgress.clear(progress);
                    }
                    imported.add(result);
                    if (!json) {
                        describe(out, file, result);
                    }
                } catch (ImportException e) {
                    failed.add(new String[] {file.toString(), e.getMessage()});
                    if (!json) {
                        err.println("ponder: not imported: " + e.getMessage());
                        err.flush();
                    }
                }
            }
            if (json) {
                JsonOutput.print(out, document(workspace, imported, failed));
            }
        }
        return failed.isEmpty() ? 0 : PonderCli.FAILED;
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

    private static void describe(PrintWriter out, Path file, ImportResult result) {
        out.printf(
                Locale.ROOT,
                "Imported %s as run %d \"%s\" (%s): %,d problems, %,d samples, %,d tree nodes, "
                        + "%,d skipped, %,d warnings; %.1f MB in %.2f s (%.1f MB/s, %,.0f samples/s)%n",
                file.getFileName(),
                result.runId(),
                result.runName(),
                result.recognised(),
                result.problems(),
                result.samples(),
                result.treeNodes(),
                result.skippedCount(),
                result.warningCount(),
                result.bytes() / 1e6,
                result.elapsed().toNanos() / 1e9,
                result.megabytesPerSecond(),
                result.samplesPerSecond());
        for (SkippedRecord skipped : result.skipped()) {
            out.println("  skipped " + skipped);
        }
        for (SkippedRecord warning : result.warnings()) {
            out.println("  kept, with a warning: " + warning);
        }
        if (result.skippedCount() > result.skipped().size()) {
            out.printf(
                    Locale.ROOT,
                    "  … and %,d more skipped%n",
                    result.skippedCount() - result.skipped().size());
        }
        out.flush();
    }

    private static ObjectNode document(
            WorkspaceServices workspace, List<ImportResult> imported, List<String[]> failed) {
        ObjectNode root = JsonOutput.object();
        root.put("workspace", workspace.file().toString());
        ArrayNode runs = root.putArray("imported");
        for (ImportResult result : imported) {
            ObjectNode item = runs.addObject();
            item.put("run_id", result.runId());
            item.put("name", result.runName());
            item.put("format", result.format());
            item.put("recognised", result.recognised());
            item.put("sha256", result.sha256());
            item.put("problems", result.problems());
            item.put("samples", result.samples());
            item.put("tree_nodes", result.treeNodes());
            item.put("bytes", result.bytes());
            item.put("seconds", result.elapsed().toNanos() / 1e9);
            item.put("skipped_count", result.skippedCount());
            item.put("warning_count", result.warningCount());
            ArrayNode skipped = item.putArray("skipped");
            result.skipped()
                    .forEach(record -> skipped.addObject()
                            .put("location", record.location())
                            .put("reason", record.reason()));
        }
        ArrayNode failures = root.putArray("failed");
        for (String[] failure : failed) {
            failures.addObject().put("file", failure[0]).put("error", failure[1]);
        }
        return root;
    }
}
