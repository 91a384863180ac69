package dev.ponder.app.theme;

import dev.ponder.app.common.AppSettings;
import dev.ponder.core.settings.Preferences;
import dev.ponder.core.settings.SystemAppearance;
import dev.ponder.core.settings.Theme;
import dev.ponder.core.task.TaskRunner;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Applies the theme and font size of the settings to every window Ponder opens (the main window and each
 * dialog): Ponder's stylesheet, {@code theme-light} or {@code theme-dark} on the root, the font size on the root.
 * Popups (menus, tooltips) take their look from the control that opened them. With "follow the system" the system
 * is asked in the background at start and whenever the main window comes back into focus.
 */
public final class ThemeController {
    public static final String STYLESHEET = Objects.requireNonNull(
                    ThemeController.class.getResource("/dev/ponder/app/ponder.css"))
            .toExternalForm();
    private static final long SYSTEM_CHECK_EVERY_MS = 3000;

    private final AppSettings settings;
    private final TaskRunner tasks;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();
    private Boolean systemDark;
    private long lastSystemCheck;

    public ThemeController(AppSettings settings, TaskRunner tasks) {
        this.settings = settings;
        this.tasks = tasks;
        dark.set(resolve(settings.get().preferences()));
        settings.property().addListener((observable, before, after) -> {
            if (before == null || !before.preferences().equals(after.preferences())) {
                apply();
                checkSystem();
            }
        });
    }

    /** Whether the dark theme is showing now; canvases and charts drawn in code follow it. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** Styles every window open now and every one opened later; asks the system if the theme follows it. */
    public void install() {
        Window.getWindows().forEach(this::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::watch);
            }
        });
        checkSystem();
    }

    /** Asks the system again (throttled), for a user who switched it while Ponder was open. */
    public void checkSystem() {
        long now = System.currentTimeMillis();
        if (settings.get().preferences().theme() != Theme.SYSTEM || now - lastSystemCheck < SYSTEM_CHECK_EVERY_MS) {
            return;
        }
        lastSystemCheck = now;
        tasks.submit(
                "Reading the system's light or dark setting",
                context -> SystemAppearance.prefersDark(),
                (Optional<Boolean> answer) -> {
                    systemDark = answer.orElse(null);
                    apply();
                },
                error -> {});
    }

    /** Ponder's look on this scene, now. */
    public void style(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(0, STYLESHEET);
        }
        Parent root = scene.getRoot();
        if (root == null) {
            return;
        }
        root.getStyleClass().removeAll("theme-light", "theme-dark");
        root.getStyleClass().add(dark.get() ? "theme-dark" : "theme-light");
        root.setStyle(String.format(
                Locale.ROOT,
                "-fx-font-size: %.1fpx;",
                settings.get().preferences().fontSize()));
    }

    private void watch(Window window) {
        if (!(window instanceof Stage)) {
            return;
        }
        if (window.getScene() != null) {
            follow(window.getScene());
        }
        window.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                follow(scene);
            }
        });
    }

    /** Styles the scene now and again whenever its root is replaced (the root carries the theme). */
    private void follow(Scene scene) {
        style(scene);
        scene.rootProperty().addListener((observable, before, root) -> style(scene));
    }

    private void apply() {
        dark.set(resolve(settings.get().preferences()));
        Window.getWindows().stream()
                .filter(window -> window instanceof Stage && window.getScene() != null)
                .forEach(window -> style(window.getScene()));
    }

    private boolean resolve(Preferences preferences) {
        return switch (preferences.theme()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Boolean.TRUE.equals(systemDark);
        };
    }
}
