package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ponder export-tree}: a recorded search tree and a sample run's prefix tree drawn to PDF, SVG and PNG in
 * the paper style, with the legend as text; wrong choices are explained.
 */
class ExportTreeCommandTest {
    private static final Path FIXTURES =
            Path.of("src/test/resources/dev/ponder/core/ingest/fixtures").toAbsolutePath();

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    @Test
    void aSearchTreeBecomesAPaperFigureWithItsLegend() throws Exception {
        String workspace = cli.importInto(dir, FIXTURES.resolve("omegaprm_question_7.json"));
        Path pdf = dir.resolve("tree.pdf");
        assertThat(cli.run(
                        "export-tree",
                        "-w",
                        workspace,
                        "--run",
                        "1",
                        "--out",
                        pdf.toString(),
                        "--format",
                        "svg,png",
                        "--dpi",
                        "200",
                        "--correct-paths",
                        "--title"))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("Wrote " + pdf, "(8 of 8 nodes shown)");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Search tree", "value 0", "right", "wrong");
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(240.9f, org.assertj.core.data.Offset.offset(0.1f));
        }
        assertThat(Files.readString(dir.resolve("tree.svg"))).contains("<svg", "right", "wrong");
        BufferedImage png = ImageIO.read(dir.resolve("tree.png").toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.round(8.5 / 2.54 * 200));
    }

    @Test
    void aSampleRunDrawsItsPrefixTreeColouredByAnswer() throws Exception {
        String workspace = cli.importInto(
                dir, Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath());
        Path svg = dir.resolve("prefix.svg");
        assertThat(cli.run(
                        "export-tree",
                        "-w",
                        workspace,
                        "--run",
                        "1",
                        "--out",
                        svg.toString(),
                        "--colour",
                        "answer",
                        "--left-right",
                        "--unfolded"))
                .as(cli.err())
                .isZero();
        assertThat(Files.readString(svg)).contains("<svg", "right");
    }

    @Test
    void aTreeTheRunDoesNotHaveIsExplained() {
        String workspace = cli.importInto(dir, FIXTURES.resolve("omegaprm_question_7.json"));
        assertThat(cli.run(
                        "export-tree",
                        "-w",
                        workspace,
                        "--run",
                        "1",
                        "--source",
                        "samples",
                        "--out",
                        dir.resolve("x.pdf").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("has no samples as a prefix tree", "it has: [search]");
        assertThat(cli.run(
                        "export-tree",
                        "-w",
                        workspace,
                        "--run",
                        "1",
                        "--source",
                        "bushes",
                        "--out",
                        dir.resolve("x.pdf").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("unknown tree source 'bushes'");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }
}
