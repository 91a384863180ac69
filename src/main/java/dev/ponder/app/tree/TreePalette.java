package dev.ponder.app.tree;

import javafx.scene.paint.Color;

/** The tree canvas's own colours in each theme (node fills and right/wrong rings are the paper palette's in both). */
record TreePalette(
        Color background,
        Color edge,
        Color faint,
        Color denseEdge,
        Color outline,
        Color ink,
        Color edgeLabel,
        Color selected) {
    static final TreePalette LIGHT = new TreePalette(
            Color.WHITE,
            Color.web("#555555"),
            Color.web("#c4c4c4"),
            Color.web("#9a9a9a"),
            Color.web("#333333"),
            Color.web("#222222"),
            Color.web("#1f4e8c"),
            Color.web("#1f6feb"));
    static final TreePalette DARK = new TreePalette(
            Color.web("#1f2227"),
            Color.web("#aab2bd"),
            Color.web("#4a5058"),
            Color.web("#6f7782"),
            Color.web("#c9d1d9"),
            Color.web("#e4e7eb"),
            Color.web("#9ec5ff"),
            Color.web("#58a6ff"));
}
