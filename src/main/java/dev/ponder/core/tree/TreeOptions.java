package dev.ponder.core.tree;

/**
 * How a tree is drawn: direction, what sizes and colours the nodes, which paths stand out, and the moment of
 * the search shown.
 *
 * @param iteration the search iteration shown (playback), or {@code 0} for the finished search
 */
public record TreeOptions(
        Orientation orientation,
        SizeBy sizeBy,
        ColourBy colourBy,
        boolean edgeLabels,
        boolean bestPath,
        boolean correctPaths,
        int iteration) {
    public static final TreeOptions DEFAULT =
            new TreeOptions(Orientation.TOP_DOWN, SizeBy.WEIGHT, ColourBy.VALUE, false, false, false, 0);

    public enum Orientation {
        TOP_DOWN,
        LEFT_RIGHT
    }

    /** Node size: uniform, or by weight (MCTS visits, or the samples through a prefix-tree node). */
    public enum SizeBy {
        UNIFORM,
        WEIGHT
    }

    /** Node colour: by value (a sequential scale with a legend), or the answer a node ends with. */
    public enum ColourBy {
        VALUE,
        ANSWER
    }

    public TreeOptions withOrientation(Orientation value) {
        return new TreeOptions(value, sizeBy, colourBy, edgeLabels, bestPath, correctPaths, iteration);
    }

    public TreeOptions withSizeBy(SizeBy value) {
        return new TreeOptions(orientation, value, colourBy, edgeLabels, bestPath, correctPaths, iteration);
    }

    public TreeOptions withColourBy(ColourBy value) {
        return new TreeOptions(orientation, sizeBy, value, edgeLabels, bestPath, correctPaths, iteration);
    }

    public TreeOptions withEdgeLabels(boolean value) {
        return new TreeOptions(orientation, sizeBy, colourBy, value, bestPath, correctPaths, iteration);
    }

    public TreeOptions withBestPath(boolean value) {
        return new TreeOptions(orientation, sizeBy, colourBy, edgeLabels, value, correctPaths, iteration);
    }

    public TreeOptions withCorrectPaths(boolean value) {
        return new TreeOptions(orientation, sizeBy, colourBy, edgeLabels, bestPath, value, iteration);
    }

    public TreeOptions withIteration(int value) {
        return new TreeOptions(orientation, sizeBy, colourBy, edgeLabels, bestPath, correctPaths, value);
    }
}
