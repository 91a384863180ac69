package dev.ponder.core.settings;

import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.ingest.mapping.SavedMapping;
import dev.ponder.core.ingest.plan.FileShape;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.trace.ReflectionMarkers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Ponder remembers between starts.
 *
 * @param window            the main window's last bounds, or {@code null} before the first close
 * @param lastWorkspace     the workspace open when Ponder last closed, or {@code null}
 * @param recentWorkspaces  most recent first, at most {@link #RECENT_LIMIT}
 * @param recentImports     run files imported lately, most recent first, at most {@link #RECENT_LIMIT}
 * @param mappings          field mappings for files no reader knows, by file shape ({@link FileShape#key()})
 * @param reflectionMarkers the phrases that mark reflection in a trace, or {@code null} for Ponder's defaults
 * @param charts            the last choices made for each chart, by chart name
 * @param connections       the models replay can use, saved by name (the file is owner-only: it may hold keys)
 * @param preferences       the choices made in Settings (theme, font size, default grader, tokenizer, chart style)
 * @param welcomeSeen       whether the welcome screen has been shown (it opens by itself only on a first start)
 */
public record UserSettings(
        WindowState window,
        String lastWorkspace,
        List<String> recentWorkspaces,
        List<String> recentImports,
        Map<String, SavedMapping> mappings,
        List<String> reflectionMarkers,
        Map<String, ChartSpec> charts,
        List<ModelConnection> connections,
        Preferences preferences,
        boolean welcomeSeen) {
    public static final int RECENT_LIMIT = 10;
    public static final UserSettings DEFAULTS = new UserSettings(
            null, null, List.of(), List.of(), Map.of(), null, Map.of(), List.of(), Preferences.DEFAULTS, false);

    public UserSettings {
        recentWorkspaces = recentWorkspaces == null ? List.of() : List.copyOf(recentWorkspaces);
        recentImports = recentImports == null ? List.of() : List.copyOf(recentImports);
        mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
        reflectionMarkers = reflectionMarkers == null ? null : List.copyOf(reflectionMarkers);
        charts = charts == null ? Map.of() : Map.copyOf(charts);
        connections = connections == null ? List.of() : List.copyOf(connections);
        preferences = preferences == null ? Preferences.DEFAULTS : preferences;
    }

    public UserSettings withWindow(WindowState newWindow) {
        return new UserSettings(
                newWindow,
                lastWorkspace,
                recentWorkspaces,
                recentImports,
                mappings,
                reflectionMarkers,
                charts,
                connections,
                preferences,
                welcomeSeen);
    }

    /** Records that this workspace was opened: it becomes the last one and heads the recent list. */
    public UserSettings withWorkspaceOpened(String workspace) {
        return new UserSettings(
                window,
                workspace,
                pushFront(recentWorkspaces, workspace),
                recentImports,
                mappings,
                reflectionMarkers,
                charts,
                connections,
                preferences,
                welcomeSeen);
    }

    public UserSettings withImported(String file) {
        return new UserSettings(
                window,
                lastWorkspace,
                recentWorkspaces,
                pushFront(recentImports, file),
                mappings,
                reflectionMarkers,
                charts,
                connections,
                preferences,
                welcomeSeen);
    }

    public UserSettings withoutRecentWorkspace(String workspace) {
        List<String> rest = new ArrayList<>(recentWorkspaces);
        rest.remove(workspace);
        return new UserSettings(
                window,
                lastWorkspace,
                rest,
                recentImports,
                mappings,
                reflectionMarkers,
                charts,
                connections,
                preferences,
                welcomeSeen);
    }

    public UserSettings withoutRecent() {
        return new UserSettings(
                window,
                lastWorkspace,
                List.of(),
                List.of(),
                mappings,
                reflectionMarkers,
                charts,
                connections,
                preferences,
                welcomeSeen);
    }

    /** Remembers how to read files of this shape. */
    public UserSettings withMapping(FileShape shape, SavedMapping mapping) {
        Map<String, SavedMapping> updated = new HashMap<>(mappings);
        updated.put(shape.key(), mapping);
        return new UserSettings(
                window,
                lastWorkspace,
                recentWorkspaces,
                recentImports,
                updated,
                reflectionMarkers,
                charts,
                connections,
                preferences,
                welcomeSeen);
    }

    /** The reflection markers trace figures use: the user's list, else Ponder's defaults. */
    public ReflectionMarkers markers() {
        return reflectionMarkers == null ? ReflectionMarkers.DEFAULT : new ReflectionMarkers(reflectionMarkers);
    }

    /** Uses these markers from now on; {@code null} goes back to Ponder's defaults. */
    public UserSettings withReflectionMarkers(List<String> phrases) {
        return new UserSettings(
                window,
                lastWorkspace,
                recentWorkspaces,
                recentImports,
                mappings,
                phrases,
                charts,
                connections,
                preferences,
                welcomeSeen);
    }

    /** Remembers the choices made for a chart (under its kind). */
    public UserSettings withChart(ChartSpec spec) {
        Map<String, ChartSpec> updated = new HashMap<>(charts);
        updated.put(spec.kind().id(), spec);
        return new UserSettings(
                window,
                lastWorkspace,
                recentWorkspaces,
                recentImports,
                mappings,
                reflectionMarkers,
                updated,
                connections,
                preferences,
                welcomeSeen);
    }

    public Optional<ChartSpec> chart(dev.ponder.core.chart.ChartKind kind) {
        return Optional.ofNullable(charts.get(kind.id()));
    }

    public Optional<SavedMapping> mappingFor(FileShape shape) {
        return Optional.ofNullable(mappings.get(shape.key()));
    }

    /** Saves a connection, replacing the one of the same name. */
    public UserSettings withConnection(ModelConnection connection) {
        List<ModelConnection> updated = new ArrayList<>(connections);
        updated.removeIf(c -> c.name().equals(connection.name()));
        updated.add(connection);
        return new UserSettings(
                window,
                lastWorkspace,
                recentWorkspaces,
                recentImports,
                mappings,
                reflectionMarkers,
                charts,
                updated,
                preferences,
                welcomeSeen);
    }

    public UserSettings withoutConnection(String name) {
        List<ModelConnection> updated = new ArrayList<>(connections);
        updated.removeIf(c -> c.name().equals(name));
        return new UserSettings(
                window,
                lastWorkspace,
                recentWorkspaces,
                recentImports,
                mappings,
                reflectionMarkers,
                charts,
                updated,
                preferences,
                welcomeSeen);
    }

    public UserSettings withPreferences(Preferences newPreferences) {
        return new UserSettings(
                window,
                lastWorkspace,
                recentWorkspaces,
                recentImports,
                mappings,
                reflectionMarkers,
                charts,
                connections,
                newPreferences,
                welcomeSeen);
    }

    public UserSettings withWelcomeSeen() {
        return new UserSettings(
                window,
                lastWorkspace,
                recentWorkspaces,
                recentImports,
                mappings,
                reflectionMarkers,
                charts,
                connections,
                preferences,
                true);
    }

    /** Every saved connection replaced by these, in this order. */
    public UserSettings withConnections(List<ModelConnection> newConnections) {
        return new UserSettings(
                window,
                lastWorkspace,
                recentWorkspaces,
                recentImports,
                mappings,
                reflectionMarkers,
                charts,
                newConnections,
                preferences,
                welcomeSeen);
    }

    private static List<String> pushFront(List<String> list, String item) {
        List<String> result = new ArrayList<>(list.size() + 1);
        result.add(item);
        list.stream()
                .filter(existing -> !existing.equals(item))
                .limit(RECENT_LIMIT - 1L)
                .forEach(result::add);
        return result;
    }
}
