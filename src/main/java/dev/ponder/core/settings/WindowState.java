package dev.ponder.core.settings;

/** Where the main window was and how big, in screen coordinates, when Ponder last closed. */
public record WindowState(double x, double y, double width, double height, boolean maximized) {
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 400;

    public WindowState {
        if (!(width >= MIN_WIDTH) || !(height >= MIN_HEIGHT) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("implausible window bounds " + x + "," + y + " " + width + "x" + height);
        }
    }
}
