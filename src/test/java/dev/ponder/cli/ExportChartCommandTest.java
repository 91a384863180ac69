package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@code ponder export-chart}: the written PDF and SVG carry the axis labels and series as text, the PNG has the
 * asked resolution, the CSV the plotted numbers, and the provenance file draws the same figure again.
 */
class ExportChartCommandTest {
    private static final Path RUN =
            Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    private String workspace;

    @BeforeEach
    void importRun() {
        workspace = cli.importInto(dir, RUN);
    }

    @Test
    void aPdfCarriesItsAxisLabelsAndSeriesAsText() throws Exception {
        Path pdf = dir.resolve("scaling.pdf");
        assertThat(cli.run(
                        "export-chart",
                        "-w",
                        workspace,
                        "--run",
                        "1",
                        "--chart",
                        "scaling",
                        "--out",
                        pdf.toString(),
                        "--format",
                        "svg,png",
                        "--dpi",
                        "300",
                        "--preset",
                        "double"))
                .as(cli.err())
                .isZero();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("k (samples per problem)", "pass@k", "maj@k", "weighted BoN@k");
            // The y axis label is rotated text, which the stripper breaks into short lines.
            assertThat(text.replaceAll("\\s+", "")).contains("accuracy");
            // Double column: 17.5 cm wide, in points.
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(496.06f, org.assertj.core.data.Offset.offset(0.1f));
        }
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = xml.newDocumentBuilder().parse(dir.resolve("scaling.svg").toFile());
        assertThat(texts(svg)).contains("k (samples per problem)", "pass@k", "naive BoN@k");
        BufferedImage png = ImageIO.read(dir.resolve("scaling.png").toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.round(17.5 / 2.54 * 300));
        List<String> csv = Files.readAllLines(dir.resolve("scaling.csv"));
        assertThat(csv.get(0)).isEqualTo("panel,series,x,x_low,x_high,category,y,y_low,y_high,n,label");
        assertThat(csv).anyMatch(line -> line.startsWith("accuracy,pass@k,1,,,,0.75,"));
        assertThat(dir.resolve("scaling.provenance.json")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
    }

    /** Journals refuse a PDF whose fonts are not embedded; both styles embed the subsets of Liberation they use. */
    @Test
    void everyFontOfAnExportedPdfIsEmbeddedInBothStyles() throws Exception {
        for (boolean serif : new boolean[] {false, true}) {
            Path pdf = dir.resolve(serif ? "serif.pdf" : "sans.pdf");
            List<String> args = new ArrayList<>(List.of(
                    "export-chart", "-w", workspace, "--run", "1", "--chart", "scaling", "--out", pdf.toString()));
            if (serif) {
                args.add("--serif");
            }
            assertThat(cli.run(args.toArray(String[]::new))).as(cli.err()).isZero();
            List<org.apache.pdfbox.pdmodel.font.PDFont> fonts = new ArrayList<>();
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                collectFonts(document.getPage(0).getResources(), fonts);
            }
            assertThat(fonts).as("fonts of " + pdf.getFileName()).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).contains(serif ? "LiberationSerif" : "LiberationSans");
            });
        }
    }

    /** The same figure exported once as PDF and again as PNG: one provenance lists both, for the same numbers. */
    @Test
    void exportingTheSameFigureInAnotherFormatKeepsOneProvenanceOfEveryFile() throws Exception {
        String[] common = {"export-chart", "-w", workspace, "--run", "1", "--chart", "scaling", "--out"};
        assertThat(cli.run(concat(common, dir.resolve("fig.pdf").toString())))
                .as(cli.err())
                .isZero();
        assertThat(cli.run(concat(common, dir.resolve("fig.png").toString())))
                .as(cli.err())
                .isZero();
        assertThat(dev.ponder.core.export.ChartProvenance.read(dir.resolve("fig.provenance.json"))
                        .files())
                .containsExactlyInAnyOrder("fig.png", "fig.csv", "fig.pdf");

        // another figure under the same name starts a provenance of its own
        assertThat(cli.run(
                        "export-chart",
                        "-w",
                        workspace,
                        "--run",
                        "1",
                        "--chart",
                        "length",
                        "--out",
                        dir.resolve("fig.svg").toString()))
                .as(cli.err())
                .isZero();
        assertThat(dev.ponder.core.export.ChartProvenance.read(dir.resolve("fig.provenance.json"))
                        .files())
                .containsExactlyInAnyOrder("fig.svg", "fig.csv");
    }

    private static String[] concat(String[] first, String last) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }

    /** A vote distribution keeps every answer's label, in the PDF as on screen (JFreeChart drops crowded ones). */
    @Test
    void everyAnswerOfAVoteDistributionKeepsItsLabel() throws Exception {
        Path folder = dir.resolve("all");
        assertThat(cli.run("import", "sample-runs/tiny-reasoner-best-of-16.jsonl", "-w", workspace))
                .as(cli.err())
                .isZero();
        assertThat(cli.run(
                        "export-chart", "-w", workspace, "--run", "tiny-arith best-of-16", "--all", folder.toString()))
                .as(cli.err())
                .isZero();
        List<String> categories = Files.readAllLines(folder.resolve("votes.csv")).stream()
                .skip(1)
                .map(line -> line.split(",", -1)[5])
                .filter(category -> !category.isEmpty())
                .distinct()
                .toList();
        assertThat(categories).as("a contested vote: many answers").hasSizeGreaterThan(6);
        try (PDDocument document = Loader.loadPDF(folder.resolve("votes.pdf").toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            for (String category : categories) {
                assertThat(text).contains(category.replace("\"", "").replaceAll("\\s+", ""));
            }
        }
    }

    private static void collectFonts(
            org.apache.pdfbox.pdmodel.PDResources resources, List<org.apache.pdfbox.pdmodel.font.PDFont> fonts)
            throws java.io.IOException {
        if (resources == null) {
            return;
        }
        for (org.apache.pdfbox.cos.COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (org.apache.pdfbox.cos.COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void theProvenanceFileDrawsTheSameFigureAgain() throws Exception {
        Path first = dir.resolve("first/length.pdf");
        Files.createDirectories(first.getParent());
        assertThat(cli.run(
                        "export-chart",
                        "-w",
                        workspace,
                        "--run",
                        "tiny-arith best-of-4",
                        "--chart",
                        "length",
                        "--bins",
                        "4",
                        "--out",
                        first.toString()))
                .as(cli.err())
                .isZero();
        Path again = dir.resolve("again/length.svg");
        Files.createDirectories(again.getParent());
        assertThat(cli.run(
                        "export-chart",
                        "--spec",
                        dir.resolve("first/length.provenance.json").toString(),
                        "--out",
                        again.toString()))
                .as(cli.err())
                .isZero();
        assertThat(Files.readAllLines(dir.resolve("again/length.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("first/length.csv")));
        String provenance = Files.readString(dir.resolve("again/length.provenance.json"));
        assertThat(provenance).contains("\"kind\" : \"length\"", "\"bins\" : 4", "\"sourceSha256\"");
    }

    @Test
    void exportingAllChartsSkipsThoseWithNothingToShow() throws Exception {
        Path folder = dir.resolve("all");
        assertThat(cli.run("export-chart", "-w", workspace, "--run", "1", "--all", folder.toString(), "--json"))
                .as(cli.err())
                .isZero();
        assertThat(folder.resolve("scaling.pdf")).exists();
        assertThat(folder.resolve("calibration.png")).exists();
        assertThat(folder.resolve("votes.pdf")).exists();
        assertThat(folder.resolve("budget.pdf")).doesNotExist();
        assertThat(folder.resolve("rounds.pdf")).doesNotExist();
        assertThat(cli.out()).contains("no budget or max tokens set");
        try (PDDocument document = Loader.loadPDF(folder.resolve("votes.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", ""))
                    .contains("votes", "answer", "♦85");
        }
    }

    @Test
    void badChoicesAreRefusedWithTheChoices() {
        assertThat(cli.run(
                        "export-chart",
                        "-w",
                        workspace,
                        "--run",
                        "1",
                        "--chart",
                        "pie",
                        "--out",
                        dir.resolve("x.pdf").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("unknown chart 'pie'", "scaling");
        assertThat(cli.run(
                        "export-chart",
                        "-w",
                        workspace,
                        "--run",
                        "1",
                        "--chart",
                        "scaling",
                        "--out",
                        dir.resolve("x.jpg").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("ends in .pdf, .svg or .png");
        assertThat(cli.run(
                        "export-chart",
                        "-w",
                        workspace,
                        "--run",
                        "1",
                        "--chart",
                        "votes",
                        "--out",
                        dir.resolve("v.pdf").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("needs a problem");
        assertThat(dir.resolve("x.jpg")).doesNotExist();
    }
}
