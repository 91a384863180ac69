package dev.ponder.cli;

import dev.ponder.core.chart.PaperStyle;
import picocli.CommandLine.Option;

/** The paper-style options every figure command takes: size preset or width and height, font, title. */
final class FigureLooks {
    @Option(names = "--preset", paramLabel = "P", description = "single (8.5 × 6 cm) or double column (17.5 × 7 cm).")
    String preset;

    @Option(names = "--width", paramLabel = "LEN", description = "Width, e.g. 8.5cm, 3.25in, 85mm.")
    String width;

    @Option(names = "--height", paramLabel = "LEN", description = "Height, e.g. 6cm, 2.4in.")
    String height;

    @Option(names = "--font-size", paramLabel = "PT", description = "Font size in points (default 8).")
    Double fontSize;

    @Option(
            names = "--serif",
            description = "Liberation Serif (Times' metrics) instead of Liberation Sans (Helvetica's).")
    boolean serif;

    @Option(names = "--title", description = "Draw the figure's title on it.")
    boolean title;

    /** The style with what the command line changes. */
    PaperStyle applyTo(PaperStyle base) {
        PaperStyle style = preset != null ? PaperStyle.preset(preset).withTitle(base.showTitle()) : base;
        if (width != null || height != null) {
            style = style.withSize(
                    width == null ? style.widthCm() : PaperStyle.centimetres(width),
                    height == null ? style.heightCm() : PaperStyle.centimetres(height));
        }
        if (fontSize != null || serif) {
            style = style.withFont(fontSize == null ? style.fontPt() : fontSize, serif || style.serif());
        }
        return title ? style.withTitle(true) : style;
    }
}
