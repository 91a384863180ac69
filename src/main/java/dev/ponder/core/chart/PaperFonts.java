package dev.ponder.core.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fonts figures are drawn in: Liberation Sans and Liberation Serif (metric-compatible with Helvetica and Times,
 * under the SIL Open Font License), shipped with Ponder, so a PNG, an SVG and a PDF of one figure look alike on any
 * machine and a PDF can embed what it uses. Where the files cannot be read, Java's logical fonts stand in.
 */
public final class PaperFonts {
    private static final Logger LOG = Logger.getLogger(PaperFonts.class.getName());
    public static final String SANS = "Liberation Sans";
    public static final String SERIF = "Liberation Serif";
    private static final List<String> STYLES = List.of("Regular", "Bold", "Italic", "BoldItalic");

    private static final Map<String, byte[]> SANS_FILES = load("LiberationSans");
    private static final Map<String, byte[]> SERIF_FILES = load("LiberationSerif");

    private PaperFonts() {}

    /** The family to draw in: Liberation where it loaded, else Java's logical {@code Serif} or {@code SansSerif}. */
    public static String family(boolean serif) {
        Map<String, byte[]> files = serif ? SERIF_FILES : SANS_FILES;
        return files.isEmpty() ? (serif ? "Serif" : "SansSerif") : (serif ? SERIF : SANS);
    }

    /** The family's font files by the name Java gives each face ("Liberation Sans Bold"), for embedding. */
    public static Map<String, byte[]> files(boolean serif) {
        return serif ? SERIF_FILES : SANS_FILES;
    }

    /** Reads the family's faces and makes them known to Java2D, so figures drawn with Java2D use them too. */
    private static Map<String, byte[]> load(String family) {
        Map<String, byte[]> faces = new LinkedHashMap<>();
        try {
            for (String style : STYLES) {
                String resource = "/liberation/" + family + "-" + style + ".ttf";
                try (InputStream in = PaperFonts.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException(resource + " is missing from the class path");
                    }
                    byte[] bytes = in.readAllBytes();
                    Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
                    GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
                    faces.put(font.getFontName(java.util.Locale.ROOT), bytes);
                }
            }
            return faces;
        } catch (IOException | FontFormatException | RuntimeException e) {
            LOG.log(Level.WARNING, "Figures fall back to Java's own fonts: cannot load " + family, e);
            return Map.of();
        }
    }
}
