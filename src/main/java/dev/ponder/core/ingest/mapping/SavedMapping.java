package dev.ponder.core.ingest.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A field mapping as it is kept in the user's settings: plain strings, so the settings file stays readable
 * and editable by hand.
 *
 * @param layout  {@code samples}, {@code problems} or {@code tree}
 * @param records where the records are in a document, or {@code null}
 * @param fields  field name ({@code trace}, {@code gold}, ...) to dotted path
 */
public record SavedMapping(String layout, String records, Map<String, String> fields) {

    public SavedMapping {
        fields = fields == null ? Map.of() : Map.copyOf(new TreeMap<>(fields));
    }

    public static SavedMapping of(FieldMapping mapping) {
        Map<String, String> fields = new LinkedHashMap<>();
        mapping.fields().forEach((field, path) -> fields.put(field.key(), path.text()));
        return new SavedMapping(mapping.layout().name().toLowerCase(java.util.Locale.ROOT), mapping.records(), fields);
    }

    /** The mapping to read with; a saved mapping that no longer makes sense throws {@link IllegalArgumentException}. */
    public FieldMapping toMapping() {
        Map<FieldMapping.Field, JsonPath> paths = new java.util.EnumMap<>(FieldMapping.Field.class);
        fields.forEach((field, path) -> paths.put(FieldMapping.Field.parse(field), JsonPath.parse(path)));
        return new FieldMapping(FieldMapping.Layout.parse(layout), records, paths);
    }
}
