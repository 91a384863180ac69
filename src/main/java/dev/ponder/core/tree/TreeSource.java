package dev.ponder.core.tree;

/** Where a problem's tree comes from. */
public enum TreeSource {
    /** The search tree the run's file recorded (beam search, MCTS, tree of thought). */
    SEARCH("search", "Search tree"),
    /** The problem's samples merged at step boundaries. */
    SAMPLES("samples", "Samples as a prefix tree"),
    /** The problem's samples linked by what they continue (rounds, branches). */
    LINEAGE("lineage", "Rounds and branches");

    private final String id;
    private final String label;

    TreeSource(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name the command line and settings use. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static TreeSource of(String id) {
        for (TreeSource source : values()) {
            if (source.id.equalsIgnoreCase(id) || source.name().equalsIgnoreCase(id)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown tree source '" + id + "'; expected search, samples or lineage");
    }

    @Override
    public String toString() {
        return label;
    }
}
