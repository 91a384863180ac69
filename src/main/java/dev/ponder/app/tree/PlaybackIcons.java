package dev.ponder.app.tree;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * Play and pause drawn as shapes: the ▶ and ⏸ characters depend on the system's fonts, and Linux often has no
 * glyph for ⏸ (a box is shown).
 */
final class PlaybackIcons {
    private PlaybackIcons() {}

    static Node play() {
        return icon("M 0 0 L 10 6 L 0 12 Z");
    }

    static Node pause() {
        return icon("M 0 0 H 3.5 V 12 H 0 Z M 6.5 0 H 10 V 12 H 6.5 Z");
    }

    private static Node icon(String path) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.getStyleClass().add("playback-icon");
        return shape;
    }
}
