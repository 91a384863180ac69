package dev.ponder.app.tree;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.paint.Color;

/** The paper palette's AWT colours as JavaFX colours, made once each: the canvas asks for them every frame. */
final class FxColours {
    private static final Map<Integer, Color> MADE = new ConcurrentHashMap<>();

    private FxColours() {}

    static Color of(java.awt.Color colour) {
        return MADE.computeIfAbsent(
                colour.getRGB(), rgb -> Color.rgb(colour.getRed(), colour.getGreen(), colour.getBlue()));
    }
}
