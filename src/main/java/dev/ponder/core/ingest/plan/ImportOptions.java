package dev.ponder.core.ingest.plan;

import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.read.GenericReader;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.model.RunAttribute;
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
 * @param attributes run attributes the user sets ({@code --set key=value}): {@code name}, {@code model},
 *                   {@code strategy}, {@code grader} and {@code notes} set those fields; every other key
 *                   becomes a run parameter (temperature, budget, seed, group, ...). They win over the file.
 * @param defaults   run attributes to use only where the file says nothing (e.g. a budget read from the file's
 *                   name in a budget sweep); same keys as {@code attributes}
 * @param again      import even if a file with the same content was imported before
 * @param mapping    how to read a file no reader knows (the generic format), or {@code null}
 */
public record ImportOptions(
        String format,
        String tokenizer,
        String grader,
        Map<String, String> attributes,
        Map<String, String> defaults,
        boolean again,
        FieldMapping mapping) {
    public static final ImportOptions DEFAULT = new ImportOptions(null, null, null, Map.of(), Map.of(), false, null);
    private static final Set<String> RUN_FIELDS = Set.of("name", "model", "strategy", "grader", "notes");

    public ImportOptions {
        attributes = checked(attributes);
        defaults = checked(defaults);
    }

    /** Default options with these run attributes. */
    public static ImportOptions withAttributes(Map<String, String> attributes) {
        return DEFAULT.withAttributes(attributes, Map.of());
    }

    public ImportOptions withAttributes(Map<String, String> newAttributes, Map<String, String> newDefaults) {
        return new ImportOptions(format, tokenizer, grader, newAttributes, newDefaults, again, mapping);
    }

    public ImportOptions withFormat(String newFormat) {
        return new ImportOptions(newFormat, tokenizer, grader, attributes, defaults, again, mapping);
    }

    public ImportOptions withGrader(String newGrader) {
        return new ImportOptions(format, tokenizer, newGrader, attributes, defaults, again, mapping);
    }

    public ImportOptions withTokenizer(String newTokenizer) {
        return new ImportOptions(format, newTokenizer, grader, attributes, defaults, again, mapping);
    }

    /** The same options, reading the file with this field mapping (the generic format). */
    public ImportOptions withMapping(FieldMapping newMapping) {
        return new ImportOptions(GenericReader.FORMAT, tokenizer, grader, attributes, defaults, again, newMapping);
    }

    /** The same options, importing even a file imported before. */
    public ImportOptions evenIfImportedBefore() {
        return new ImportOptions(format, tokenizer, grader, attributes, defaults, true, mapping);
    }

    /** The file's header with the user's attributes laid over it, and the file name as the last resort for a name. */
    public RunHeader applyTo(RunHeader header, String fallbackName) {
        Map<String, String> params = new HashMap<>(header.params());
        attributes.forEach((key, value) -> {
            if (!RUN_FIELDS.contains(key)) {
                params.put(key, value);
            }
        });
        String name = pick("name", header.name());
        return new RunHeader(
                name == null || name.isBlank() ? fallbackName : name,
                pick("model", header.model()),
                pick("strategy", header.strategy()),
                params,
                pick("grader", header.grader()),
                pick("notes", header.notes()),
                header.origin());
    }

    /** The header with the defaults filled in where neither the file nor the user said anything. */
    public RunHeader withDefaults(RunHeader header) {
        if (defaults.isEmpty()) {
            return header;
        }
        Map<String, String> params = new HashMap<>(header.params());
        defaults.forEach((key, value) -> {
            if (!RUN_FIELDS.contains(key)) {
                params.putIfAbsent(key, value);
            }
        });
        return new RunHeader(
                header.name(),
                fill(header.model(), "model"),
                fill(header.strategy(), "strategy"),
                params,
                fill(header.grader(), "grader"),
                fill(header.notes(), "notes"),
                header.origin());
    }

    private String fill(String current, String key) {
        return current != null ? current : defaults.get(key);
    }

    private String pick(String key, String fromFile) {
        String fromUser = attributes.get(key);
        return fromUser != null ? fromUser : fromFile;
    }

    /** Drops blank values and refuses values an attribute cannot take ({@code budget=4k}). */
    private static Map<String, String> checked(Map<String, String> values) {
        if (values == null) {
            return Map.of();
        }
        Map<String, String> kept = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            RunAttribute.byKey(key)
                    .flatMap(attribute -> attribute.problem(value))
                    .ifPresent(problem -> {
                        throw new IllegalArgumentException(problem);
                    });
            kept.put(key.strip(), value.strip());
        });
        return Collections.unmodifiableMap(kept);
    }
}
