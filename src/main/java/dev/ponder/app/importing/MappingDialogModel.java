package dev.ponder.app.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ponder.core.ingest.MappingPreview;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.FieldMapping.Field;
import dev.ponder.core.ingest.mapping.FieldMapping.Layout;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.ingest.record.SkippedRecord;
import dev.ponder.core.service.FieldMappings;
import dev.ponder.core.task.TaskRunner;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the mapping dialog holds for a file no reader knows: where its records are, what one record is, which
 * field holds what; the first records as they are, and the first samples as the import would store them,
 * refreshed in the background on every change. Starts from a guess made from the field names.
 */
public final class MappingDialogModel {
    /** How many records are shown raw, and how many samples the preview reads. */
    static final int RAW_RECORDS = 3;

    static final int PREVIEW_SAMPLES = 12;

    /** The fields that make sense for each layout, in the order the dialog lists them. */
    static final Map<Layout, List<Field>> FIELDS = Map.of(
            Layout.SAMPLES,
                    List.of(
                            Field.PROBLEM_ID,
                            Field.QUESTION,
                            Field.GOLD,
                            Field.TRACE,
                            Field.REASONING,
                            Field.ANSWER,
                            Field.CORRECT,
                            Field.TOKENS,
                            Field.THINKING_TOKENS,
                            Field.SCORE,
                            Field.FINISH_REASON,
                            Field.INDEX,
                            Field.BUDGET,
                            Field.ROUND),
            Layout.PROBLEMS,
                    List.of(
                            Field.PROBLEM_ID,
                            Field.QUESTION,
                            Field.GOLD,
                            Field.TRACE,
                            Field.REASONING,
                            Field.ANSWER,
                            Field.CORRECT,
                            Field.TOKENS,
                            Field.THINKING_TOKENS,
                            Field.SCORE,
                            Field.FINISH_REASON,
                            Field.BUDGET,
                            Field.ROUND),
            Layout.TREE,
                    List.of(
                            Field.PROBLEM_ID,
                            Field.QUESTION,
                            Field.GOLD,
                            Field.ROOT,
                            Field.CHILDREN,
                            Field.NODE_TEXT,
                            Field.VALUE,
                            Field.VISITS,
                            Field.REWARD,
                            Field.NODE_ANSWER,
                            Field.NODE_CORRECT));

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final PlannedFile file;
    private final TaskRunner tasks;
    private final ObservableList<String> locations = FXCollections.observableArrayList();
    private final StringProperty recordsAt = new SimpleStringProperty(FieldMappings.FILE_RECORDS);
    private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(Layout.SAMPLES);
    private final Map<Field, StringProperty> paths = new EnumMap<>(Field.class);
    private final ObservableList<String> knownPaths = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rawRecords = new ReadOnlyStringWrapper("");
    private final ObservableList<MappingPreview.Row> preview = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private boolean applyingGuess;
    private long previews;
    private long samplings;

    MappingDialogModel(PlannedFile file, TaskRunner tasks) {
        this.file = file;
        this.tasks = tasks;
        for (Field field : Field.values()) {
            StringProperty path = new SimpleStringProperty("");
            path.addListener((observable, before, after) -> changed());
            paths.put(field, path);
        }
        layout.addListener((observable, before, after) -> changed());
        recordsAt.addListener((observable, before, after) -> sample(true));
        if (file.mapping() != null) {
            show(file.mapping());
        }
    }

    /** Reads the file's head and first records; call once the dialog is showing. */
    public void load() {
        tasks.submit(
                "Reading the start of " + file.file().getFileName(),
                context -> FieldMappings.recordLocations(file.file()),
                found -> {
                    locations.setAll(found);
                    sample(file.mapping() == null);
                },
                error -> problem.set("Cannot read " + file.file().getFileName() + ": " + error.getMessage()));
    }

    public Path file() {
        return file.file();
    }

    /** Where the records may be: {@code ""} (the file's records), {@code *} (values keyed by id), or a field. */
    public ObservableList<String> locations() {
        return locations;
    }

    public StringProperty recordsAtProperty() {
        return recordsAt;
    }

    public ObjectProperty<Layout> layoutProperty() {
        return layout;
    }

    /** The dotted path for a field; blank leaves the field out. */
    public StringProperty path(Field field) {
        return paths.get(field);
    }

    /** The paths found in the first records, to choose from. */
    public ObservableList<String> knownPaths() {
        return knownPaths;
    }

    /** The first records as they are in the file, pretty-printed. */
    public ReadOnlyStringProperty rawRecordsProperty() {
        return rawRecords.getReadOnlyProperty();
    }

    /** The first samples as the import would store them with the current mapping. */
    public ObservableList<MappingPreview.Row> preview() {
        return preview;
    }

    /** Why the mapping cannot be used yet, or what the first records that fail say; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether to read files of the same shape this way from now on. */
    public BooleanProperty rememberProperty() {
        return remember;
    }

    /** The mapping as it stands, if it is complete. */
    public Optional<FieldMapping> mapping() {
        try {
            return Optional.of(build());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private FieldMapping build() {
        Map<Field, JsonPath> chosen = new EnumMap<>(Field.class);
        for (Field field : FIELDS.get(layout.get())) {
            String path = paths.get(field).get();
            if (path != null && !path.isBlank()) {
                chosen.put(field, JsonPath.parse(path));
            }
        }
        String at = recordsAt.get();
        return new FieldMapping(layout.get(), at == null || at.isBlank() ? null : at, chosen);
    }

    /** Reads the first records at the chosen place; with {@code guess}, starts the mapping from their field names. */
    private void sample(boolean guess) {
        long sampling = ++samplings;
        String at = recordsAt.get();
        busy.set(true);
        tasks.submit(
                "Reading the first records of " + file.file().getFileName(),
                context -> FieldMappings.firstRecords(file.file(), at, RAW_RECORDS),
                records -> {
                    if (sampling != samplings) {
                        return;
                    }
                    busy.set(false);
                    knownPaths.setAll(FieldMappings.fieldPaths(records));
                    rawRecords.set(
                            records.stream().map(MappingDialogModel::pretty).collect(Collectors.joining("\n")));
                    if (records.isEmpty()) {
                        problem.set(
                                "No records found " + (at == null || at.isBlank() ? "in the file" : "at '" + at + "'"));
                        preview.clear();
                        return;
                    }
                    if (guess) {
                        FieldMappings.guess(records, at).ifPresent(this::show);
                    }
                    changed();
                },
                error -> {
                    if (sampling == samplings) {
                        busy.set(false);
                        problem.set(error.getMessage());
                    }
                });
    }

    private void show(FieldMapping mapping) {
        applyingGuess = true;
        try {
            layout.set(mapping.layout());
            for (Field field : Field.values()) {
                JsonPath path = mapping.path(field);
                paths.get(field).set(path == null ? "" : path.text());
            }
        } finally {
            applyingGuess = false;
        }
    }

    /** Re-reads the preview with the mapping as it now stands; a newer change makes an older preview moot. */
    private void changed() {
        if (applyingGuess) {
            return;
        }
        long run = ++previews;
        FieldMapping mapping;
        try {
            mapping = build();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            preview.clear();
            return;
        }
        busy.set(true);
        tasks.submit(
                "Previewing the mapping",
                context -> FieldMappings.preview(file.file(), mapping, PREVIEW_SAMPLES),
                result -> {
                    if (run != previews) {
                        return;
                    }
                    busy.set(false);
                    preview.setAll(result.samples());
                    problem.set(describe(result));
                },
                error -> {
                    if (run == previews) {
                        busy.set(false);
                        preview.clear();
                        problem.set(error.getMessage());
                    }
                });
    }

    private static String describe(MappingPreview result) {
        if (result.skipped().isEmpty()) {
            return result.samples().isEmpty() ? "The mapping reads no samples from this file" : "";
        }
        SkippedRecord first = result.skipped().get(0);
        return (result.samples().isEmpty()
                        ? "No record can be read this way: "
                        : "Some records cannot be read this way: ")
                + first.location() + ": " + first.reason();
    }

    private static String pretty(JsonNode record) {
        try {
            String text = PRETTY.writeValueAsString(record);
            return text.length() > 20_000 ? text.substring(0, 20_000) + "\n…" : text;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return record.toString();
        }
    }
}
