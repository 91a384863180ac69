package dev.ponder.core.settings;

import dev.ponder.core.ingest.FileShape;
import dev.ponder.core.ingest.SavedMapping;
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
 */
public record UserSettings(WindowState window, String lastWorkspace, List<String> recentWorkspaces,
                           List<String> recentImports, Map<String, SavedMapping> mappings) {
    public static final int RECENT_LIMIT = 10;
    public static final UserSettings DEFAULTS = new UserSettings(null, null, List.of(), List.of(), Map.of());

    public UserSettings {
        recentWorkspaces = recentWorkspaces == null ? List.of() : List.copyOf(recentWorkspaces);
        recentImports = recentImports == null ? List.of() : List.copyOf(recentImports);
        mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
    }

    public UserSettings withWindow(WindowState newWindow) {
        return new UserSettings(newWindow, lastWorkspace, recentWorkspaces, recentImports, mappings);
    }

    /** Records that this workspace was opened: it becomes the last one and heads the recent list. */
    public UserSettings withWorkspaceOpened(String workspace) {
        return new UserSettings(window, workspace, pushFront(recentWorkspaces, workspace), recentImports, mappings);
    }

    public UserSettings withImported(String file) {
        return new UserSettings(window, lastWorkspace, recentWorkspaces, pushFront(recentImports, file), mappings);
    }

    public UserSettings withoutRecentWorkspace(String workspace) {
        List<String> rest = new ArrayList<>(recentWorkspaces);
        rest.remove(workspace);
        return new UserSettings(window, lastWorkspace, rest, recentImports, mappings);
    }

    public UserSettings withoutRecent() {
        return new UserSettings(window, lastWorkspace, List.of(), List.of(), mappings);
    }

    /** Remembers how to read files of this shape. */
    public UserSettings withMapping(FileShape shape, SavedMapping mapping) {
        Map<String, SavedMapping> updated = new HashMap<>(mappings);
        updated.put(shape.key(), mapping);
        return new UserSettings(window, lastWorkspace, recentWorkspaces, recentImports, updated);
    }

    public Optional<SavedMapping> mappingFor(FileShape shape) {
        return Optional.ofNullable(mappings.get(shape.key()));
    }

    private static List<String> pushFront(List<String> list, String item) {
        List<String> result = new ArrayList<>(list.size() + 1);
        result.add(item);
        list.stream().filter(existing -> !existing.equals(item)).limit(RECENT_LIMIT - 1L).forEach(result::add);
        return result;
    }
}
