package dev.ponder.core.tree;

import dev.ponder.core.answer.MathEquivalence;
import dev.ponder.core.chart.PaperColours;
import java.awt.Color;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tree ready to draw, the same for the window and for a paper figure: where each shown node sits in world
 * units, how big and what colour it is, which edges stand out, and the legend. Painters only map world units to
 * their surface.
 */
public final class TreeScene {
    /** Depth distance in breadth units: rows a little further apart than siblings, columns room for a label. */
    public static final double LEVEL_GAP_TOP_DOWN = 1.6;

    public static final double LEVEL_GAP_LEFT_RIGHT = 3.2;
    private static final Color NO_VALUE = new Color(0xBBBBBB);
    private static final Color OTHER_ANSWER = new Color(0x888888);
    /** Highlighted paths: the chosen leaf's in ink, the best path in blue, the paths to right answers in green. */
    private static final Color CHOSEN_PATH = PaperColours.INK;

    private static final Color BEST_PATH = PaperColours.SERIES[0];
    private static final Color CORRECT_PATH = PaperColours.CORRECT;
    private static final int ANSWER_COLOURS = 6;

    private final SearchTree tree;
    private final TreeOptions options;
    private final TreeLayout.Placement placement;
    private final BitSet collapsed;
    private final double[] worldX;
    private final double[] worldY;
    private final double[] radius;
    private final Color[] fill;
    private final BitSet chosenPath = new BitSet();
    private final BitSet bestPath = new BitSet();
    private final BitSet correctPaths;
    private final double valueMin;
    private final double valueMax;
    private final Map<String, Color> answerColours = new LinkedHashMap<>();
    private final Map<String, String> answerLabels = new HashMap<>();
    private final double width;
    private final double height;

    /**
     * @param collapsed nodes whose subtrees are folded away
     * @param chosen    the node whose path to highlight, or {@code -1}
     */
    /** The span of positive values (largest over smallest) from which colours follow their logarithm. */
    static final double LOG_SPAN = 100;

    private boolean logScale;

    public TreeScene(SearchTree tree, TreeOptions options, BitSet collapsed, int chosen) {
        this.tree = tree;
        this.options = options;
        this.collapsed = (BitSet) collapsed.clone();
        int iteration = options.iteration();
        placement = TreeLayout.of(
                tree, collapsed, node -> node == 0 || tree.node(node).existsAt(iteration));
        int size = tree.size();
        worldX = new double[size];
        worldY = new double[size];
        boolean topDown = options.orientation() == TreeOptions.Orientation.TOP_DOWN;
        for (int node : placement.shown()) {
            double breadth = placement.x()[node];
            int depth = tree.depth(node);
            worldX[node] = topDown ? breadth : depth * LEVEL_GAP_LEFT_RIGHT;
            worldY[node] = topDown ? depth * LEVEL_GAP_TOP_DOWN : breadth;
        }
        width = topDown ? placement.width() : placement.depth() * LEVEL_GAP_LEFT_RIGHT;
        height = topDown ? placement.depth() * LEVEL_GAP_TOP_DOWN : placement.width();

        // the colour scale spans every value of every node at every iteration, so a colour means the same value in
        // each frame of a playback and whatever is folded
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int node = 0; node < size; node++) {
            SearchNode data = tree.node(node);
            for (Double value : data.allValues()) {
                if (value != null && !value.isNaN()) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        valueMin = min;
        valueMax = max;
        logScale = min > 0 && max / min >= LOG_SPAN;
        radius = radii();
        rankAnswers();
        fill = new Color[size];
        for (int node : placement.shown()) {
            fill[node] = colour(node);
        }
        if (chosen >= 0 && chosen < size && placement.isShown(chosen)) {
            for (int at : tree.pathTo(chosen)) {
                chosenPath.set(at);
            }
        }
        if (options.bestPath()) {
            for (int at : tree.bestPath(iteration)) {
                bestPath.set(at);
            }
        }
        correctPaths = options.correctPaths() ? tree.pathsToCorrect() : new BitSet();
    }

    public SearchTree tree() {
        return tree;
    }

    public TreeOptions options() {
        return options;
    }

    /** The shown nodes in index order (a parent before its children). */
    public int[] shown() {
        return placement.shown();
    }

    public boolean isShown(int node) {
        return placement.isShown(node);
    }

    public double x(int node) {
        return worldX[node];
    }

    public double y(int node) {
        return worldY[node];
    }

    /** The picture's extent in world units, from 0. */
    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Node radius in world units: at most 0.42, so neighbours one unit apart never touch. */
    public double radius(int node) {
        return radius[node];
    }

    public Color fill(int node) {
        return fill[node];
    }

    /** The node's value at the moment shown. */
    public Double value(int node) {
        return tree.node(node).valueAt(options.iteration());
    }

    /** Right, wrong or ungraded, for the node's outline. */
    public Boolean verdict(int node) {
        return tree.node(node).correct();
    }

    /** Whether some subtree is folded away under the node, and how many nodes it holds. */
    public int hiddenBelow(int node) {
        return collapsed.get(node) && !tree.isLeaf(node) ? tree.subtreeSize(node) - 1 : 0;
    }

    /** The colour of the edge into {@code node} when it lies on a highlighted path, else {@code null}. */
    public Color edgeHighlight(int node) {
        if (chosenPath.get(node)) {
            return CHOSEN_PATH;
        }
        if (bestPath.get(node)) {
            return BEST_PATH;
        }
        if (correctPaths.get(node)) {
            return CORRECT_PATH;
        }
        return null;
    }

    /** Whether any path is highlighted: the rest of the tree is then drawn faint. */
    public boolean highlighting() {
        return !chosenPath.isEmpty() || !bestPath.isEmpty() || !correctPaths.isEmpty();
    }

    public boolean onHighlightedPath(int node) {
        return chosenPath.get(node) || bestPath.get(node) || correctPaths.get(node);
    }

    /** What the edge into the node says: its value and reward for a search, the samples through it otherwise. */
    public String edgeLabel(int node) {
        SearchNode data = tree.node(node);
        List<String> parts = new ArrayList<>();
        Double value = value(node);
        if (value != null) {
            parts.add(tree.valueName() + " " + number(value));
        }
        if (data.reward() != null) {
            parts.add("r " + number(data.reward()));
        }
        if (data.visits() != null) {
            parts.add("n " + data.visits());
        } else if (data.samples() > 1) {
            parts.add(data.samples() + " samples");
        }
        return String.join(" · ", parts);
    }

    /** The value range shown by the legend, or {@code null} when no node has a value. */
    public double[] valueRange() {
        return valueMin > valueMax ? null : new double[] {valueMin, valueMax};
    }

    /** The answers with their own colour, most frequent first (label → colour). */
    public Map<String, Color> answerLegend() {
        Map<String, Color> legend = new LinkedHashMap<>();
        answerColours.forEach((key, colour) -> legend.put(answerLabels.get(key), colour));
        return legend;
    }

    /** The shown node under a world point, within its radius (plus {@code slack} world units), or -1. */
    public int nodeAt(double x, double y, double slack) {
        int found = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int node : placement.shown()) {
            double dx = worldX[node] - x;
            double dy = worldY[node] - y;
            double distance = Math.sqrt(dx * dx + dy * dy);
            if (distance <= radius[node] + slack && distance < best) {
                best = distance;
                found = node;
            }
        }
        return found;
    }

    private double[] radii() {
        double[] radii = new double[tree.size()];
        boolean visits = false;
        double heaviest = 0;
        for (int node : placement.shown()) {
            visits |= tree.node(node).visits() != null;
        }
        for (int node : placement.shown()) {
            heaviest = Math.max(heaviest, weight(node, visits));
        }
        for (int node : placement.shown()) {
            radii[node] = options.sizeBy() == TreeOptions.SizeBy.UNIFORM || heaviest <= 0
                    ? 0.3
                    : 0.12 + 0.3 * Math.sqrt(weight(node, visits) / heaviest);
        }
        return radii;
    }

    private double weight(int node, boolean visits) {
        SearchNode data = tree.node(node);
        if (visits) {
            return data.visits() == null ? 0 : data.visits();
        }
        return data.samples();
    }

    private void rankAnswers() {
        Map<String, Integer> counts = new HashMap<>();
        for (int node : placement.shown()) {
            String answer = tree.node(node).answer();
            if (answer != null) {
                String key = MathEquivalence.key(answer);
                counts.merge(key, Math.max(1, tree.node(node).samples()), Integer::sum);
                answerLabels.putIfAbsent(key, answer);
            }
        }
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(ANSWER_COLOURS)
                .forEach(entry -> answerColours.put(entry.getKey(), PaperColours.SERIES[answerColours.size()]));
    }

    private Color colour(int node) {
        if (options.colourBy() == TreeOptions.ColourBy.ANSWER) {
            String answer = tree.node(node).answer();
            if (answer == null) {
                return NO_VALUE;
            }
            return answerColours.getOrDefault(MathEquivalence.key(answer), OTHER_ANSWER);
        }
        Double value = value(node);
        if (value == null || value.isNaN()) {
            return NO_VALUE;
        }
        if (!(valueMax > valueMin)) {
            return PaperColours.sequential(0.5);
        }
        return PaperColours.sequential(
                logScale
                        ? Math.log(value / valueMin) / Math.log(valueMax / valueMin)
                        : (value - valueMin) / (valueMax - valueMin));
    }

    /**
     * Whether colours follow the logarithm of the value: chosen when every value is positive and they span
     * {@link #LOG_SPAN} times or more (Tree-of-Thought values from 0.001 to 60), where a linear scale would paint
     * all but the largest alike.
     */
    public boolean logScale() {
        return logScale;
    }

    /** A value as legends and labels print it: three significant decimals at most. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.3g", value)
                .replaceFirst("(\\.\\d*?)0+$", "$1")
                .replaceFirst("\\.$", "");
    }
}
