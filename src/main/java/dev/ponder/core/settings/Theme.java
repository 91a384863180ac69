package dev.ponder.core.settings;

/** How Ponder looks on screen. Figures are exported in the paper style whatever the theme. */
public enum Theme {
    /** Light or dark as the operating system is set, where it can be told; else light. */
    SYSTEM("Follow the system"),
    LIGHT("Light"),
    DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
