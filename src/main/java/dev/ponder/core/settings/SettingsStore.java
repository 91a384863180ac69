package dev.ponder.core.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.ingest.mapping.SavedMapping;
import dev.ponder.core.replay.ModelConnection;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Reads and writes the settings file. The file may later hold API keys, so it is written owner-only,
 * and atomically (write a sibling, then move) so a crash never leaves half a settings file.
 */
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The stored settings. Read field by field, so that a field that cannot be read (a hand edit, a file from
     * another version) costs only that field; no file, or no JSON object in it, gives the defaults.
     */
    public UserSettings load() {
        if (!Files.isRegularFile(file)) {
            return UserSettings.DEFAULTS;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            LOG.warning("Ignoring unreadable settings file " + file + ": " + e.getMessage());
            return UserSettings.DEFAULTS;
        }
        if (root == null || !root.isObject()) {
            LOG.warning("Ignoring settings file " + file + ": it does not hold a JSON object");
            return UserSettings.DEFAULTS;
        }
        return new UserSettings(
                window(root.get("window")),
                text(root.get("lastWorkspace")),
                texts(root.get("recentWorkspaces")),
                texts(root.get("recentImports")),
                mappings(root.get("mappings")),
                markers(root.get("reflectionMarkers")),
                charts(root.get("charts")),
                connections(root.get("connections")),
                preferences(root.get("preferences")),
                root.path("welcomeSeen").asBoolean(false));
    }

    /** Each preference read on its own: a wrong one (a hand edit) falls back to its default alone. */
    private Preferences preferences(JsonNode node) {
        Preferences preferences = Preferences.DEFAULTS;
        if (node == null || !node.isObject()) {
            return preferences;
        }
        preferences = preference(preferences, node, "theme", (p, value) -> p.withTheme(Theme.valueOf(value.asText())));
        preferences = preference(preferences, node, "fontSize", (p, value) -> p.withFontSize(number(value)));
        preferences = preference(preferences, node, "defaultGrader", (p, value) -> p.withDefaultGrader(value.asText()));
        preferences = preference(preferences, node, "tokenizer", (p, value) -> p.withTokenizer(value.asText()));
        return preference(
                preferences,
                node,
                "chartStyle",
                (p, value) -> p.withChartStyle(JSON.treeToValue(value, PaperStyle.class)));
    }

    private interface PreferenceReader {
        Preferences read(Preferences preferences, JsonNode value) throws IOException;
    }

    private Preferences preference(Preferences preferences, JsonNode node, String field, PreferenceReader reader) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return preferences;
        }
        try {
            return reader.read(preferences, value);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning("Ignoring the preference " + field + " in " + file + ": " + e.getMessage());
            return preferences;
        }
    }

    private static double number(JsonNode value) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException("not a number: " + value);
        }
        return value.doubleValue();
    }

    private Map<String, ChartSpec> charts(JsonNode node) {
        Map<String, ChartSpec> charts = new HashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                try {
                    charts.put(entry.getKey(), JSON.treeToValue(entry.getValue(), ChartSpec.class));
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warning("Ignoring the chart choices " + entry.getKey() + " in " + file + ": " + e.getMessage());
                }
            });
        }
        return charts;
    }

    private List<ModelConnection> connections(JsonNode node) {
        List<ModelConnection> connections = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> {
                try {
                    connections.add(JSON.treeToValue(item, ModelConnection.class));
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warning("Ignoring a saved model connection in " + file + ": " + e.getMessage());
                }
            });
        }
        return connections;
    }

    private Map<String, SavedMapping> mappings(JsonNode node) {
        Map<String, SavedMapping> mappings = new HashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                try {
                    SavedMapping mapping = JSON.treeToValue(entry.getValue(), SavedMapping.class);
                    mapping.toMapping();
                    mappings.put(entry.getKey(), mapping);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warning("Ignoring the saved mapping " + entry.getKey() + " in " + file + ": " + e.getMessage());
                }
            });
        }
        return mappings;
    }

    private WindowState window(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return JSON.treeToValue(node, WindowState.class);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning("Ignoring the window bounds in " + file + ": " + e.getMessage());
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The user's markers, or {@code null} (the defaults) when none are stored. */
    private static List<String> markers(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<String> phrases = new ArrayList<>();
        node.forEach(item -> {
            if (item.isTextual()) {
                phrases.add(item.textValue());
            }
        });
        return phrases;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> {
                if (item.isTextual()) {
                    texts.add(item.textValue());
                }
            });
        }
        return texts.stream().limit(UserSettings.RECENT_LIMIT).toList();
    }

    public void save(UserSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        JSON.writeValue(temporary.toFile(), settings);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
