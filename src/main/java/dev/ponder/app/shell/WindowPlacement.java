package dev.ponder.app.shell;

import dev.ponder.core.settings.WindowState;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window back where it was, unless that place is no longer on any screen (a monitor unplugged). */
public final class WindowPlacement {
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;
    /** How much of the title bar must be on a screen for the old place to count as reachable. */
    private static final double VISIBLE_STRIP = 48;

    private WindowPlacement() {}

    public static void restore(Stage stage, WindowState state) {
        stage.setMinWidth(WindowState.MIN_WIDTH);
        stage.setMinHeight(WindowState.MIN_HEIGHT);
        if (state != null && reachable(state)) {
            stage.setX(state.x());
            stage.setY(state.y());
            stage.setWidth(state.width());
            stage.setHeight(state.height());
            stage.setMaximized(state.maximized());
            return;
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(DEFAULT_WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
        stage.centerOnScreen();
    }

    /** The window's bounds now, or {@code null} if they are not worth remembering (e.g. never shown). */
    public static WindowState capture(Stage stage) {
        double width = stage.getWidth();
        double height = stage.getHeight();
        if (!(width >= WindowState.MIN_WIDTH)
                || !(height >= WindowState.MIN_HEIGHT)
                || !Double.isFinite(stage.getX())
                || !Double.isFinite(stage.getY())) {
            return null;
        }
        return new WindowState(stage.getX(), stage.getY(), width, height, stage.isMaximized());
    }

    private static boolean reachable(WindowState state) {
        Rectangle2D titleBar = new Rectangle2D(state.x(), state.y(), state.width(), VISIBLE_STRIP);
        return Screen.getScreens().stream()
                .anyMatch(screen -> screen.getVisualBounds().intersects(titleBar));
    }
}
