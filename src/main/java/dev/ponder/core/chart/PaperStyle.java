package dev.ponder.core.chart;

import java.util.Locale;

/**
 * How a figure looks on paper: its size (kept in centimetres), font and font size. The presets fit a column of
 * a two-column paper and the full text width; everything else in the style (white background, no border,
 * the Okabe–Ito palette with a line style and marker per series) is fixed by {@link ChartRenderer}.
 *
 * @param widthCm   figure width in centimetres
 * @param heightCm  figure height in centimetres
 * @param fontPt    font size in points
 * @param serif     a serif font (Liberation Serif, metric-compatible with Times) instead of a sans one (Liberation
 *                  Sans, with Helvetica's metrics)
 * @param showTitle whether the figure carries its title (papers put it in the caption)
 */
public record PaperStyle(double widthCm, double heightCm, double fontPt, boolean serif, boolean showTitle) {
    public static final double CM_PER_INCH = 2.54;
    public static final double POINTS_PER_INCH = 72;
    /** One column of a two-column paper (ACL, NeurIPS double-column, IEEE: about 8.3–8.9 cm). */
    public static final PaperStyle SINGLE_COLUMN = new PaperStyle(8.5, 6.0, 8, false, false);
    /** The full text width of a two-column paper. */
    public static final PaperStyle DOUBLE_COLUMN = new PaperStyle(17.5, 7.0, 8, false, false);

    public PaperStyle {
        if (!(widthCm >= 2 && widthCm <= 100 && heightCm >= 2 && heightCm <= 100)) {
            throw new IllegalArgumentException(
                    "a figure is 2 to 100 cm wide and high, not " + widthCm + " × " + heightCm);
        }
        if (!(fontPt >= 4 && fontPt <= 48)) {
            throw new IllegalArgumentException("font size must be 4 to 48 pt, not " + fontPt);
        }
    }

    /** The preset by name: {@code single} or {@code double} (column). */
    public static PaperStyle preset(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "single", "single-column" -> SINGLE_COLUMN;
            case "double", "double-column" -> DOUBLE_COLUMN;
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; choose single or double");
        };
    }

    /**
     * A length with its unit, e.g. {@code 8.5cm}, {@code 3.25in}, {@code 85mm} or {@code 240pt}, in centimetres;
     * a bare number is in centimetres.
     */
    public static double centimetres(String length) {
        String text = length.strip().toLowerCase(Locale.ROOT);
        double factor = 1;
        String number = text;
        if (text.endsWith("cm")) {
            number = text.substring(0, text.length() - 2);
        } else if (text.endsWith("mm")) {
            number = text.substring(0, text.length() - 2);
            factor = 0.1;
        } else if (text.endsWith("in")) {
            number = text.substring(0, text.length() - 2);
            factor = CM_PER_INCH;
        } else if (text.endsWith("pt")) {
            number = text.substring(0, text.length() - 2);
            factor = CM_PER_INCH / POINTS_PER_INCH;
        }
        try {
            return Double.parseDouble(number.strip()) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + length + "' is not a length such as 8.5cm, 3.25in or 85mm");
        }
    }

    public PaperStyle withSize(double newWidthCm, double newHeightCm) {
        return new PaperStyle(newWidthCm, newHeightCm, fontPt, serif, showTitle);
    }

    public PaperStyle withFont(double newFontPt, boolean newSerif) {
        return new PaperStyle(widthCm, heightCm, newFontPt, newSerif, showTitle);
    }

    public PaperStyle withTitle(boolean show) {
        return new PaperStyle(widthCm, heightCm, fontPt, serif, show);
    }

    /** Width in PostScript points (1/72 inch), the unit Java2D draws a page in. */
    public double widthPoints() {
        return widthCm / CM_PER_INCH * POINTS_PER_INCH;
    }

    public double heightPoints() {
        return heightCm / CM_PER_INCH * POINTS_PER_INCH;
    }

    /** The pixel size of a raster at {@code dpi}. */
    public int widthPixels(int dpi) {
        return (int) Math.round(widthCm / CM_PER_INCH * dpi);
    }

    public int heightPixels(int dpi) {
        return (int) Math.round(heightCm / CM_PER_INCH * dpi);
    }

    /** Liberation Serif or Sans, shipped with Ponder ({@link PaperFonts}). */
    public String fontFamily() {
        return PaperFonts.family(serif);
    }
}
