package dev.ponder.core.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import dev.ponder.core.PonderVersion;
import dev.ponder.core.chart.PaperFonts;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.chart.PlotData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/**
 * Writes a chart at its paper size: PDF and SVG as vectors (text kept as text, in Liberation Sans or Serif: a PDF
 * embeds the glyphs it uses, an SVG names the family with Helvetica's and Times' look-alikes after it), PNG at a chosen resolution with that resolution recorded in the file, and
 * the plotted numbers as CSV. Each file is written all or nothing.
 */
public final class ChartFiles {
    /** The figure formats. */
    public enum Format {
        PDF("pdf"),
        SVG("svg"),
        PNG("png");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** The format a file name asks for by its extension. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (name.endsWith("." + format.extension)) {
                    return format;
                }
            }
            throw new IllegalArgumentException(file.getFileName() + ": a figure file ends in .pdf, .svg or .png");
        }

        /** The file as named when its extension names a figure format, else with {@code .pdf} appended. */
        public static Path figureFile(Path file) {
            try {
                of(file);
                return file;
            } catch (IllegalArgumentException e) {
                return file.resolveSibling(file.getFileName() + ".pdf");
            }
        }

        public static Format parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    private ChartFiles() {}

    public static void write(JFreeChart chart, PaperStyle style, Format format, int dpi, Path out) {
        write(chart, chart.getTitle() == null ? null : chart.getTitle().getText(), style, format, dpi, out);
    }

    /** Any figure that draws itself with Java2D (a chart, a tree), at its paper size. */
    public static void write(Drawable figure, String title, PaperStyle style, Format format, int dpi, Path out) {
        AtomicFile.write(out, stream -> {
            switch (format) {
                case PDF -> pdf(figure, title, style, stream);
                case SVG -> svg(figure, style, stream);
                case PNG -> png(figure, style, dpi, stream);
            }
            return null;
        });
    }

    static void pdf(Drawable chart, String title, PaperStyle style, OutputStream out) throws IOException {
        float width = (float) style.widthPoints();
        float height = (float) style.heightPoints();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(document, width, height);
            graphics.setFontTextDrawer(embedding(document, style));
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
            graphics.dispose();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(graphics.getXFormObject());
            }
            document.getDocumentInformation().setCreator("Ponder " + PonderVersion.current());
            if (title != null) {
                document.getDocumentInformation().setTitle(title);
            }
            document.save(out);
        }
    }

    /**
     * Text as text in the style's Liberation faces, each embedded as the subset of glyphs the figure uses (journals
     * refuse PDFs whose fonts are not embedded); a character no face has is drawn as its outline.
     */
    private static PdfBoxGraphics2DFontTextDrawer embedding(PDDocument document, PaperStyle style) throws IOException {
        PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer();
        for (Map.Entry<String, byte[]> face : PaperFonts.files(style.serif()).entrySet()) {
            drawer.registerFont(
                    face.getKey(), PDType0Font.load(document, new ByteArrayInputStream(face.getValue()), true));
        }
        return drawer;
    }

    static void svg(Drawable chart, PaperStyle style, OutputStream out) throws IOException {
        double width = style.widthPoints();
        double height = style.heightPoints();
        SVGGraphics2D graphics = new SVGGraphics2D(width, height, SVGUnits.PT);
        graphics.setFontFunction(ChartFiles::svgFamily);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(graphics.getSVGDocument());
        writer.flush();
    }

    /** A font family as CSS names it, with the look-alikes a machine without Liberation has. */
    static String svgFamily(String family) {
        return switch (family) {
            case PaperFonts.SANS -> "\"Liberation Sans\", Arial, Helvetica, sans-serif";
            case PaperFonts.SERIF -> "\"Liberation Serif\", \"Times New Roman\", Times, serif";
            case "Serif" -> "serif";
            default -> "sans-serif";
        };
    }

    /** The chart as an image at {@code dpi}, drawn at its paper size in points and scaled. */
    public static BufferedImage image(Drawable chart, PaperStyle style, int dpi) {
        BufferedImage image =
                new BufferedImage(style.widthPixels(dpi), style.heightPixels(dpi), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            graphics.scale(dpi / PaperStyle.POINTS_PER_INCH, dpi / PaperStyle.POINTS_PER_INCH);
            chart.draw(graphics, new Rectangle2D.Double(0, 0, style.widthPoints(), style.heightPoints()));
        } finally {
            graphics.dispose();
        }
        return image;
    }

    static void png(Drawable chart, PaperStyle style, int dpi, OutputStream out) throws IOException {
        if (dpi < 36 || dpi > 2400) {
            throw new IllegalArgumentException("PNG resolution must be 36 to 2400 dpi, not " + dpi);
        }
        BufferedImage image = image(chart, style, dpi);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            physical.setAttribute("pixelsPerUnitXAxis", perMetre);
            physical.setAttribute("pixelsPerUnitYAxis", perMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(physical);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }

    /**
     * The plotted numbers: a row per point with its panel, series, x (and a bar's x range, or the category), y,
     * interval, n, and what hovering it says.
     */
    public static void csv(PlotData data, Path out) {
        AtomicFile.write(out, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            writer.write("panel,series,x,x_low,x_high,category,y,y_low,y_high,n,label\n");
            for (PlotData.Panel panel : data.panels()) {
                for (PlotData.Series series : panel.series()) {
                    for (PlotData.Point point : series.points()) {
                        String category = data.xScale() == PlotData.XScale.CATEGORY ? category(data, point.x()) : "";
                        writer.write(String.join(
                                ",",
                                cell(panel.yLabel()),
                                cell(series.name()),
                                number(point.x()),
                                number(point.xLow()),
                                number(point.xHigh()),
                                cell(category),
                                number(point.y()),
                                number(point.low()),
                                number(point.high()),
                                point.n() < 0 ? "" : Integer.toString(point.n()),
                                cell(point.label())));
                        writer.write('\n');
                    }
                }
            }
            writer.flush();
            return null;
        });
    }

    private static String category(PlotData data, double x) {
        int index = (int) Math.round(x);
        return index >= 0 && index < data.categories().size()
                ? data.categories().get(index)
                : "";
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** RFC 4180: quoted where it holds a comma, quote or line break. */
    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
