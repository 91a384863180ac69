package dev.ponder.core.ingest.plan;

import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.mapping.SavedMapping;
import dev.ponder.core.ingest.read.GenericReader;
import dev.ponder.core.ingest.read.LmEvalReader;
import dev.ponder.core.ingest.read.ParquetReader;
import dev.ponder.core.ingest.read.RunFormats;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.UnrecognisedFileException;
import dev.ponder.core.model.RunAttribute;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Plans an import of files and folders before anything is written: expands folders into the files in them,
 * says how each file will be read (its format, or the mapping saved for its shape, or why it cannot be), and
 * reads a sweep from the names of files that sit side by side, so that a folder of runs at several budgets
 * imports as one budget sweep.
 */
public final class ImportPlanner {
    /** How deep folders are searched: a tool's output folder usually holds one folder per model or task. */
    private static final int FOLDER_DEPTH = 3;

    private final RunFormats formats;
    private final Function<FileShape, Optional<SavedMapping>> savedMappings;

    public ImportPlanner(RunFormats formats, Function<FileShape, Optional<SavedMapping>> savedMappings) {
        this.formats = formats;
        this.savedMappings = savedMappings;
    }

    /**
     * The plan for these files and folders, in the order given, folders expanded in name order.
     *
     * @param format the format the user chose for every file, or {@code null} to recognise each by content
     */
    public List<PlannedFile> plan(List<Path> chosen, String format, TaskContext context) throws IOException {
        List<PlannedFile> planned = new ArrayList<>();
        for (Path path : chosen) {
            context.checkCancelled();
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path, FOLDER_DEPTH)) {
                    files = walk.filter(Files::isRegularFile)
                            .filter(file -> !isHidden(file, path))
                            .sorted()
                            .toList();
                }
                List<PlannedFile> found = new ArrayList<>();
                for (Path file : files) {
                    if ((format == null || format.isBlank())
                            && !LmEvalReader.samplesOfSummary(file).isEmpty()) {
                        continue; // read by the samples beside it, which the folder holds
                    }
                    context.checkCancelled();
                    context.message("Looking at " + path.relativize(file));
                    found.add(planFile(file, format, true));
                }
                planned.addAll(withSweeps(found, path));
            } else if ((format == null || format.isBlank())
                    && !LmEvalReader.samplesOfSummary(path).isEmpty()) {
                // lm-eval's results summary: the run it describes is in the samples beside it, which read it for their
                // model and settings
                for (Path samples : LmEvalReader.samplesOfSummary(path)) {
                    if (planned.stream().noneMatch(p -> p.file().equals(samples)) && !chosen.contains(samples)) {
                        planned.add(planFile(samples, format, false));
                    }
                }
            } else {
                planned.add(planFile(path, format, false));
            }
        }
        return withSweeps(planned, null);
    }

    private PlannedFile planFile(Path file, String format, boolean inFolder) {
        long bytes;
        FileHead head;
        try {
            bytes = Files.size(file);
            head = FileHead.of(file);
        } catch (IOException e) {
            return new PlannedFile(
                    file, 0, null, null, null, "cannot read the file: " + e.getMessage(), inFolder, null);
        }
        try {
            if ((format == null || format.isBlank()) && ParquetReader.isParquet(head)) {
                return planParquet(file, bytes, inFolder);
            }
            return new PlannedFile(
                    file, bytes, formats.choose(format, head).format(), null, shapeOf(head), null, inFolder, null);
        } catch (UnrecognisedFileException e) {
            FileShape shape = shapeOf(head);
            Optional<SavedMapping> saved = shape == null ? Optional.empty() : savedMappings.apply(shape);
            if (saved.isPresent()) {
                try {
                    return new PlannedFile(
                            file, bytes, GenericReader.FORMAT, saved.get().toMapping(), shape, null, inFolder, null);
                } catch (IllegalArgumentException stale) {
                    // A saved mapping that no longer parses is ignored, as if none were saved.
                }
            }
            return new PlannedFile(file, bytes, null, null, shape, e.getMessage(), inFolder, null);
        } catch (ImportException e) {
            return new PlannedFile(file, bytes, null, null, null, e.getMessage(), inFolder, null);
        }
    }

    /**
     * A Parquet file is recognised by its first row: one a reader knows, or one of a shape with a saved mapping;
     * otherwise it can be mapped like a JSON file.
     */
    private PlannedFile planParquet(Path file, long bytes, boolean inFolder) {
        String name = String.valueOf(file.getFileName());
        List<String> rows = ParquetReader.firstRows(file, 1);
        if (rows.isEmpty()) {
            return new PlannedFile(
                    file, bytes, null, null, null, name + ": the Parquet file has no rows", inFolder, null);
        }
        FileHead firstRow = new FileHead(name, rows.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ParquetReader parquet = formats.parquet().orElseThrow();
        if (parquet.readerFor(firstRow).isPresent()) {
            return new PlannedFile(file, bytes, parquet.format(), null, null, null, inFolder, null);
        }
        FileShape shape =
                new FileShape("parquet", List.copyOf(JsonHead.of(firstRow).keys()));
        Optional<SavedMapping> saved = savedMappings.apply(shape);
        if (saved.isPresent()) {
            try {
                return new PlannedFile(
                        file, bytes, GenericReader.FORMAT, saved.get().toMapping(), shape, null, inFolder, null);
            } catch (IllegalArgumentException stale) {
                // A saved mapping that no longer parses is ignored, as if none were saved.
            }
        }
        return new PlannedFile(
                file,
                bytes,
                null,
                null,
                shape,
                name + ": the Parquet rows (columns " + JsonHead.of(firstRow).keys()
                        + ") match no format Ponder knows; map their fields",
                inFolder,
                null);
    }

    /**
     * Reads a sweep from the names of runs: files side by side whose names differ in one number, or, in a
     * chosen folder, files alone in folders whose paths differ in one number ({@code budget_1024/samples.jsonl}).
     * Each gets the number as the attribute it names, and a group: the chosen folder's name, else the names'
     * shared pattern. Files of a chosen folder that make no sweep still get the folder as their group.
     */
    private static List<PlannedFile> withSweeps(List<PlannedFile> files, Path folder) {
        String folderGroup = folder == null ? null : folderName(folder);
        List<PlannedFile> open = files.stream()
                .filter(PlannedFile::recognised)
                .filter(file -> file.guessed().isEmpty())
                .toList();
        Map<Path, Map<String, String>> guesses = new HashMap<>();
        Map<Path, List<PlannedFile>> byParent = new LinkedHashMap<>();
        open.forEach(
                file -> byParent.computeIfAbsent(file.file().toAbsolutePath().getParent(), key -> new ArrayList<>())
                        .add(file));
        for (List<PlannedFile> siblings : byParent.values()) {
            guess(siblings, file -> String.valueOf(file.file().getFileName()), folderGroup, guesses);
        }
        if (folder != null
                && guesses.isEmpty()
                && byParent.values().stream().allMatch(siblings -> siblings.size() == 1)) {
            guess(open, file -> String.valueOf(folder.relativize(file.file().getParent())), folderGroup, guesses);
        }
        return files.stream()
                .map(file -> {
                    Map<String, String> guess = guesses.get(file.file());
                    if (guess == null && folderGroup != null && open.contains(file)) {
                        guess = Map.of(RunAttribute.GROUP.key(), folderGroup);
                    }
                    return guess == null ? file : file.withGuessed(guess);
                })
                .toList();
    }

    private static void guess(
            List<PlannedFile> files,
            Function<PlannedFile, String> name,
            String folderGroup,
            Map<Path, Map<String, String>> guesses) {
        SweepGuess.of(files.stream().map(name).toList()).ifPresent(sweep -> {
            String group = folderGroup != null ? folderGroup : sweep.pattern();
            for (int i = 0; i < files.size(); i++) {
                guesses.put(
                        files.get(i).file(),
                        Map.of(sweep.attribute().key(), sweep.values().get(i), RunAttribute.GROUP.key(), group));
            }
        });
    }

    private static FileShape shapeOf(FileHead head) {
        String text = head.text().stripLeading();
        if (head.isEmpty()
                || text.isEmpty()
                || head.bytes()[0] == 'P' && text.startsWith("PAR1")
                || text.startsWith("PK")) {
            return null;
        }
        char first = text.charAt(0);
        boolean json = first == '{' || first == '[';
        boolean csv = !json && text.lines().findFirst().orElse("").contains(",");
        return json || csv ? FileShape.of(head) : null;
    }

    private static boolean isHidden(Path file, Path root) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String folderName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}
