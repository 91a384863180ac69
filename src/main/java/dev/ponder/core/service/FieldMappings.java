package dev.ponder.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.MappingPreview;
import dev.ponder.core.ingest.RecordSample;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.FieldPaths;
import dev.ponder.core.ingest.mapping.MappingGuess;
import dev.ponder.core.ingest.record.FileHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reading a file no reader knows through a field mapping: where its records are, their fields, a guessed mapping,
 * and a preview of the samples a mapping would store. Reads only the start of the file.
 */
public final class FieldMappings {
    /** Where records are when they are the file's own: its lines, or the items of its top-level list. */
    public static final String FILE_RECORDS = RecordSample.FILE_RECORDS;
    /** Where records are when they are the values of the file's top-level object, keyed by problem. */
    public static final String KEYED_VALUES = RecordSample.KEYED_VALUES;

    private FieldMappings() {}

    /** Where records may be in the file: the file's own records, or the lists found in its first value. */
    public static List<String> recordLocations(Path file) {
        try {
            return RecordSample.locations(FileHead.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The first {@code limit} records at {@code recordsAt} (the file's own records when blank). */
    public static List<JsonNode> firstRecords(Path file, String recordsAt, int limit) {
        try {
            return RecordSample.first(file, recordsAt, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Every field path the records have, for choosing from. */
    public static List<String> fieldPaths(List<JsonNode> records) {
        return FieldPaths.of(records);
    }

    /** A mapping guessed from the records' field names and values, when one can be. */
    public static Optional<FieldMapping> guess(List<JsonNode> records, String recordsAt) {
        return MappingGuess.of(records, recordsAt == null || recordsAt.isBlank() ? null : recordsAt);
    }

    /**
     * A mapping guessed for a file no reader knows, and whether it can be used without asking: it found the generated
     * text and what names the problem, and the file's first records read through it without a skipped record.
     */
    public record Guess(FieldMapping mapping, boolean confident, String doubt) {}

    /** The guess for the file's own records (or, failing those, the first list in it), when anything looks like one. */
    public static Optional<Guess> guessFor(Path file) {
        for (String at : recordLocations(file)) {
            List<JsonNode> records = firstRecords(file, at, 20);
            Optional<FieldMapping> guessed = guess(records, at);
            if (guessed.isEmpty()) {
                continue;
            }
            FieldMapping mapping = guessed.get();
            if (mapping.path(FieldMapping.Field.QUESTION) == null
                    && mapping.path(FieldMapping.Field.PROBLEM_ID) == null) {
                return Optional.of(new Guess(mapping, false, "no field looks like the question or a problem id"));
            }
            MappingPreview preview = preview(file, mapping, 20);
            if (preview.samples().isEmpty() || !preview.skipped().isEmpty()) {
                String why = preview.skipped().isEmpty()
                        ? "it reads no sample from the first records"
                        : "the first records do not all read through it ("
                                + preview.skipped().get(0).location() + ": "
                                + preview.skipped().get(0).reason() + ")";
                return Optional.of(new Guess(mapping, false, why));
            }
            return Optional.of(new Guess(mapping, true, null));
        }
        return Optional.empty();
    }

    /** The first {@code limit} samples the mapping would store from the file, and the records it would skip. */
    public static MappingPreview preview(Path file, FieldMapping mapping, int limit) {
        try {
            return MappingPreview.of(file, mapping, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
