package dev.ponder.app.tree;

import dev.ponder.core.chart.PaperColours;
import dev.ponder.core.tree.SearchTree;
import dev.ponder.core.tree.TreeOptions;
import dev.ponder.core.tree.TreeScene;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link TreeScene} on a canvas the size of the pane and lets the user pan (drag), zoom (wheel, around
 * the pointer), choose a node (click) and fold it (double-click). Only what lies in view is drawn; zoomed far
 * out, nodes become dots and edges one thin path, and text appears only once there is room for it.
 */
public final class TreeCanvas extends Region {
    /** Below this many pixels between neighbours the tree is drawn as dots and a single thin path. */
    static final double DENSE_BELOW = 4;
    /** From this many pixels between neighbours on, nodes carry the start of their step text. */
    static final double LABELS_FROM = 70;

    private static final double MAX_SCALE = 160;
    private static final double[] PRUNED_DASHES = {4, 3};

    private final Canvas canvas = new Canvas();
    private TreePalette palette = TreePalette.LIGHT;
    private TreeScene scene;
    private double scale = 40;
    private double offsetX;
    private double offsetY;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private int chosen = -1;
    private IntConsumer onChoose = node -> {};
    private IntConsumer onToggle = node -> {};
    private long lastPaintNanos;
    private int lastPaintedNodes;

    public TreeCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("tree-canvas");
        setMinSize(100, 100);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(ScrollEvent.SCROLL, event -> {
            zoomAt(event.getX(), event.getY(), Math.pow(1.0015, event.getDeltaY()));
            event.consume();
        });
    }

    /** Shows a scene; a new tree (not a redraw of the same one) is fitted into view. */
    public void show(TreeScene next, int chosenNode) {
        boolean newTree = scene == null
                || next == null
                || scene.tree() != next.tree()
                || scene.options().orientation() != next.options().orientation();
        scene = next;
        chosen = chosenNode;
        if (newTree) {
            fit();
        } else {
            paint();
        }
    }

    public void onChoose(IntConsumer action) {
        onChoose = action;
    }

    public void onToggle(IntConsumer action) {
        onToggle = action;
    }

    /** Scales and centres the whole tree into view. */
    public void fit() {
        double width = getWidth();
        double height = getHeight();
        if (scene == null || width <= 0 || height <= 0) {
            paint();
            return;
        }
        scale = Math.min(MAX_SCALE / 2, Math.min(width / (scene.width() + 2), height / (scene.height() + 2)));
        offsetX = (width - scene.width() * scale) / 2;
        offsetY = (height - scene.height() * scale) / 2;
        paint();
    }

    /** Zooms by {@code factor} keeping the world point under (x, y) where it is. */
    public void zoomAt(double x, double y, double factor) {
        double next = Math.max(0.05, Math.min(MAX_SCALE, scale * factor));
        double worldX = (x - offsetX) / scale;
        double worldY = (y - offsetY) / scale;
        scale = next;
        offsetX = x - worldX * scale;
        offsetY = y - worldY * scale;
        paint();
    }

    public void panBy(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
        paint();
    }

    /** Brings a node into the middle of the view without changing the zoom. */
    public void centreOn(int node) {
        if (scene == null || !scene.isShown(node)) {
            return;
        }
        offsetX = getWidth() / 2 - scene.x(node) * scale;
        offsetY = getHeight() / 2 - scene.y(node) * scale;
        paint();
    }

    /** The scene shown, or {@code null}. */
    public TreeScene scene() {
        return scene;
    }

    /** Where a node is drawn, in this region's coordinates: for tests and for pointing at it. */
    public double[] screenPosition(int node) {
        return new double[] {offsetX + scene.x(node) * scale, offsetY + scene.y(node) * scale};
    }

    /** How long the last frame took to draw, for the frame-rate benchmark. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** How many nodes the last frame drew (those in view). */
    public int lastPaintedNodes() {
        return lastPaintedNodes;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        boolean first = canvas.getWidth() == 0;
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            if (first) {
                fit();
            } else {
                paint();
            }
        }
    }

    private void pressed(MouseEvent event) {
        dragX = event.getX();
        dragY = event.getY();
        dragged = false;
    }

    private void dragged(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY || event.getButton() == MouseButton.MIDDLE) {
            double dx = event.getX() - dragX;
            double dy = event.getY() - dragY;
            dragged |= Math.abs(dx) + Math.abs(dy) > 2;
            dragX = event.getX();
            dragY = event.getY();
            panBy(dx, dy);
        }
    }

    private void clicked(MouseEvent event) {
        if (dragged || scene == null || event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int node = scene.nodeAt((event.getX() - offsetX) / scale, (event.getY() - offsetY) / scale, 4 / scale);
        if (event.getClickCount() >= 2 && node >= 0) {
            onToggle.accept(node);
        } else if (event.getClickCount() == 1) {
            onChoose.accept(node);
        }
    }

    /** Draws in the dark theme's colours or the light one's. */
    public void setDark(boolean dark) {
        palette = dark ? TreePalette.DARK : TreePalette.LIGHT;
        paint();
    }

    /** Draws what is in view. */
    void paint() {
        long start = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, width, height);
        lastPaintedNodes = 0;
        if (scene != null && width > 0 && height > 0) {
            double minX = -offsetX / scale - 1;
            double minY = -offsetY / scale - 1;
            double maxX = (width - offsetX) / scale + 1;
            double maxY = (height - offsetY) / scale + 1;
            if (scale < DENSE_BELOW) {
                paintDense(g, minX, minY, maxX, maxY);
            } else {
                paintDetailed(g, minX, minY, maxX, maxY);
            }
        }
        lastPaintNanos = System.nanoTime() - start;
    }

    private boolean inView(int node, double minX, double minY, double maxX, double maxY) {
        double x = scene.x(node);
        double y = scene.y(node);
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    private boolean edgeInView(int node, int parent, double minX, double minY, double maxX, double maxY) {
        double x0 = Math.min(scene.x(node), scene.x(parent));
        double x1 = Math.max(scene.x(node), scene.x(parent));
        double y0 = Math.min(scene.y(node), scene.y(parent));
        double y1 = Math.max(scene.y(node), scene.y(parent));
        return x1 >= minX && x0 <= maxX && y1 >= minY && y0 <= maxY;
    }

    /** Zoomed far out: all edges in one path, nodes as small squares of their colour. */
    private void paintDense(GraphicsContext g, double minX, double minY, double maxX, double maxY) {
        SearchTree tree = scene.tree();
        g.setStroke(palette.denseEdge());
        g.setLineWidth(0.5);
        g.beginPath();
        for (int node : scene.shown()) {
            int parent = tree.parent(node);
            if (parent >= 0 && edgeInView(node, parent, minX, minY, maxX, maxY)) {
                g.moveTo(offsetX + scene.x(parent) * scale, offsetY + scene.y(parent) * scale);
                g.lineTo(offsetX + scene.x(node) * scale, offsetY + scene.y(node) * scale);
            }
        }
        g.stroke();
        double size = Math.max(1.5, scale * 0.6);
        for (int node : scene.shown()) {
            if (inView(node, minX, minY, maxX, maxY)) {
                g.setFill(fx(scene.fill(node)));
                g.fillRect(
                        offsetX + scene.x(node) * scale - size / 2,
                        offsetY + scene.y(node) * scale - size / 2,
                        size,
                        size);
                lastPaintedNodes++;
            }
        }
        paintHighlightedEdges(g, minX, minY, maxX, maxY);
    }

    private void paintDetailed(GraphicsContext g, double minX, double minY, double maxX, double maxY) {
        SearchTree tree = scene.tree();
        boolean faint = scene.highlighting();
        double line = Math.max(0.6, Math.min(1.4, scale / 40));
        g.setLineWidth(line);
        for (int node : scene.shown()) {
            int parent = tree.parent(node);
            if (parent < 0 || scene.edgeHighlight(node) != null || !edgeInView(node, parent, minX, minY, maxX, maxY)) {
                continue;
            }
            g.setStroke(faint ? palette.faint() : palette.edge());
            g.setLineDashes(tree.node(node).pruned() ? PRUNED_DASHES : null);
            g.strokeLine(
                    offsetX + scene.x(parent) * scale,
                    offsetY + scene.y(parent) * scale,
                    offsetX + scene.x(node) * scale,
                    offsetY + scene.y(node) * scale);
        }
        g.setLineDashes((double[]) null);
        paintHighlightedEdges(g, minX, minY, maxX, maxY);
        for (int node : scene.shown()) {
            if (inView(node, minX, minY, maxX, maxY)) {
                paintNode(g, node, faint && !scene.onHighlightedPath(node));
                lastPaintedNodes++;
            }
        }
        if (scale >= LABELS_FROM || scene.options().edgeLabels() && scale >= LABELS_FROM / 2) {
            paintLabels(g, minX, minY, maxX, maxY);
        }
    }

    private void paintHighlightedEdges(GraphicsContext g, double minX, double minY, double maxX, double maxY) {
        SearchTree tree = scene.tree();
        g.setLineWidth(Math.max(2, Math.min(4, scale / 12)));
        for (int node : scene.shown()) {
            int parent = tree.parent(node);
            java.awt.Color highlight = parent < 0 ? null : scene.edgeHighlight(node);
            if (highlight != null && edgeInView(node, parent, minX, minY, maxX, maxY)) {
                g.setStroke(fx(highlight));
                g.strokeLine(
                        offsetX + scene.x(parent) * scale,
                        offsetY + scene.y(parent) * scale,
                        offsetX + scene.x(node) * scale,
                        offsetY + scene.y(node) * scale);
            }
        }
    }

    private void paintNode(GraphicsContext g, int node, boolean dim) {
        double r = Math.max(2, scene.radius(node) * scale);
        double cx = offsetX + scene.x(node) * scale;
        double cy = offsetY + scene.y(node) * scale;
        boolean pruned = scene.tree().node(node).pruned();
        Color fill = fx(scene.fill(node));
        // Faded by mixing with the background, not by transparency: edges must not show through.
        g.setFill(pruned || dim ? fill.interpolate(palette.background(), 0.65) : fill);
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        Boolean verdict = scene.verdict(node);
        g.setGlobalAlpha(dim ? 0.45 : 1);
        if (verdict != null) {
            g.setStroke(fx(verdict ? PaperColours.CORRECT : PaperColours.WRONG));
            g.setLineWidth(Math.max(1.5, r / 4));
        } else {
            g.setStroke(palette.outline());
            g.setLineWidth(0.8);
        }
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setGlobalAlpha(1);
        if (scene.hiddenBelow(node) > 0) {
            g.setStroke(palette.ink());
            g.setLineWidth(1.2);
            g.strokeLine(cx - r * 0.55, cy, cx + r * 0.55, cy);
            g.strokeLine(cx, cy - r * 0.55, cx, cy + r * 0.55);
        }
        if (node == chosen) {
            g.setStroke(palette.selected());
            g.setLineWidth(2.5);
            g.strokeOval(cx - r - 4, cy - r - 4, 2 * r + 8, 2 * r + 8);
        }
    }

    /** Step text beside nodes (when zoomed in) and edge labels (when asked for and there is room). */
    private void paintLabels(GraphicsContext g, double minX, double minY, double maxX, double maxY) {
        SearchTree tree = scene.tree();
        boolean topDown = scene.options().orientation() == TreeOptions.Orientation.TOP_DOWN;
        double room = topDown ? scale * 0.95 : scale * TreeScene.LEVEL_GAP_LEFT_RIGHT * 0.9;
        double fontSize = Math.max(10, Math.min(13, scale / 8));
        g.setFont(Font.font("System", fontSize));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(topDown ? TextAlignment.CENTER : TextAlignment.LEFT);
        for (int node : scene.shown()) {
            if (!inView(node, minX, minY, maxX, maxY)) {
                continue;
            }
            double r = Math.max(2, scene.radius(node) * scale);
            double cx = offsetX + scene.x(node) * scale;
            double cy = offsetY + scene.y(node) * scale;
            int chars = (int) (room / (fontSize * 0.55));
            if (scale >= LABELS_FROM && tree.node(node).stepText() != null && chars >= 6) {
                g.setFill(palette.ink());
                String text = snippet(tree.node(node).stepText(), chars);
                if (topDown) {
                    g.fillText(text, cx, cy + r + 3, room);
                } else {
                    g.fillText(text, cx + r + 4, cy + 3, room - r - 4);
                }
            }
            if (scene.options().edgeLabels() && tree.parent(node) >= 0) {
                String label = scene.edgeLabel(node);
                g.setFill(palette.edgeLabel());
                if (topDown) {
                    g.fillText(label, cx, cy - r - fontSize - 4, room);
                } else {
                    g.fillText(label, cx - r, cy - r - fontSize - 4, room);
                }
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    private static String snippet(String text, int chars) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= chars ? line : line.substring(0, Math.max(1, chars - 1)) + "…";
    }

    private static Color fx(java.awt.Color colour) {
        return FxColours.of(colour);
    }
}
