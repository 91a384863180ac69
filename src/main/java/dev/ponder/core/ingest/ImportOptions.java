package dev.ponder.core.ingest;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How to import a file.
 *
 * @param format     the reader to use, or {@code null} to recognise the format by content
 * @param tokenizer  what counts tokens a file does not count: {@code cl100k} (default), {@code o200k}, or a
 *                   path to the model's {@code tokenizer.json}
 * @param grader     the grader for samples the file gives no verdict for ({@code ponder-math} by default)
 * @param again      import even if a file with the same content was imported before
 * @param mapping    how to read a file no reader knows (the generic format), or {@code null}
 * @param attributes run attributes the user sets ({@code --set key=value}): {@code name}, {@code model},
 *                   {@code strategy}, {@code grader} and {@code notes} set those fields; every other key
 *                   becomes a run parameter (temperature, budget, seed, group, ...). They win over the file.
 */
public record ImportOptions(String format, String tokenizer, String grader, Map<String, String> attributes,
                            boolean again, FieldMapping mapping) {
    public static final ImportOptions DEFAULT = new ImportOptions(null, null, null, Map.of(), false, null);
    private static final Set<String> RUN_FIELDS = Set.of("name", "model", "strategy", "grader", "notes");

    public ImportOptions {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** Default options with these run attributes. */
    public static ImportOptions withAttributes(Map<String, String> attributes) {
        return new ImportOptions(null, null, null, attributes, false, null);
    }

    public ImportOptions withFormat(String newFormat) {
        return new ImportOptions(newFormat, tokenizer, grader, attributes, again, mapping);
    }

    /** The same options, reading the file with this field mapping (the generic format). */
    public ImportOptions withMapping(FieldMapping newMapping) {
        return new ImportOptions(GenericReader.FORMAT, tokenizer, grader, attributes, again, newMapping);
    }

    /** The same options, importing even a file imported before. */
    public ImportOptions evenIfImportedBefore() {
        return new ImportOptions(format, tokenizer, grader, attributes, true, mapping);
    }

    /** The file's header with the user's attributes laid over it, and the file name as the last resort for a name. */
    RunHeader applyTo(RunHeader header, String fallbackName) {
        Map<String, String> params = new HashMap<>(header.params());
        attributes.forEach((key, value) -> {
            if (!RUN_FIELDS.contains(key)) {
                params.put(key, value);
            }
        });
        String name = pick("name", header.name());
        return new RunHeader(name == null || name.isBlank() ? fallbackName : name, pick("model", header.model()),
                pick("strategy", header.strategy()), params, pick("grader", header.grader()), pick("notes", header.notes()),
                header.origin());
    }

    private String pick(String key, String fromFile) {
        String fromUser = attributes.get(key);
        return fromUser != null ? fromUser : fromFile;
    }
}
