package dev.ponder.core.ingest.plan;

import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.read.GenericReader;
import dev.ponder.core.ingest.read.LmEvalReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * One file of an import as planned before anything is written: how it will be read, or why it will not.
 *
 * @param file       the file
 * @param bytes      its size
 * @param format     the format it will be read as, or {@code null} when no reader recognises it
 * @param mapping    the field mapping saved for files of its shape, when that is how it will be read
 * @param shape      its shape, to save a mapping under; {@code null} for files that are not JSON or CSV
 * @param problem    why it cannot be imported as it is, or {@code null}
 * @param inFolder   whether it was found in a chosen folder rather than chosen itself
 * @param guessed    run attributes read from the import's context (a sweep's budget from the file's name, the
 *                   folder as the group), to use where the file says nothing
 */
public record PlannedFile(
        Path file,
        long bytes,
        String format,
        FieldMapping mapping,
        FileShape shape,
        String problem,
        boolean inFolder,
        Map<String, String> guessed) {
    public PlannedFile {
        guessed = guessed == null ? Map.of() : Map.copyOf(guessed);
    }

    /** A harness' results summary beside the file that its import reads for the run's metadata (lm-eval's). */
    public java.util.Optional<Path> summaryBeside() {
        return LmEvalReader.FORMAT.equals(format) ? LmEvalReader.summaryBeside(file) : java.util.Optional.empty();
    }

    /** Whether a reader will read it. */
    public boolean recognised() {
        return format != null;
    }

    /** Whether it could still import with a field mapping: JSON, JSON Lines or CSV that no reader knows. */
    public boolean mappable() {
        return format == null && shape != null;
    }

    public PlannedFile withGuessed(Map<String, String> newGuessed) {
        return new PlannedFile(file, bytes, format, mapping, shape, problem, inFolder, newGuessed);
    }

    public PlannedFile withMapping(FieldMapping newMapping) {
        return new PlannedFile(file, bytes, GenericReader.FORMAT, newMapping, shape, null, inFolder, guessed);
    }

    /** The options to import it with: the shared ones, its mapping, and its guesses as defaults. */
    public ImportOptions options(ImportOptions shared) {
        ImportOptions options = mapping != null ? shared.withMapping(mapping) : shared;
        if (guessed.isEmpty()) {
            return options;
        }
        Map<String, String> defaults = new java.util.HashMap<>(guessed);
        defaults.putAll(shared.defaults());
        return options.withAttributes(shared.attributes(), defaults);
    }
}
