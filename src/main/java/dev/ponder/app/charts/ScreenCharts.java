package dev.ponder.app.charts;

import dev.ponder.core.chart.ChartRenderer;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.chart.PlotData;
import dev.ponder.core.chart.RenderedChart;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/** A chart as every window shows it: rendered for the screen, and its marks opening what is behind them. */
public final class ScreenCharts {
    /** The smallest font on screen, whatever the paper style's size. */
    static final double SCREEN_FONT = 12;

    private ScreenCharts() {}

    /** The plotted numbers rendered in the paper style, its text large enough to read on screen. */
    public static RenderedChart render(PlotData data, PaperStyle style) {
        return ChartRenderer.render(data, style, Math.max(SCREEN_FONT, style.fontPt() * 1.4), true);
    }

    /** A click on a mark of the shown chart hands its point to {@code open}; the cursor says which marks can be. */
    public static void openOnClick(ChartViewer viewer, Supplier<RenderedChart> shown, Consumer<PlotData.Point> open) {
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                RenderedChart drawn = shown.get();
                if (drawn != null && event.getEntity() instanceof XYItemEntity item) {
                    drawn.pointAt(item.getDataset(), item.getSeriesIndex(), item.getItem())
                            .ifPresent(open);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                viewer.setCursor(
                        event.getEntity() instanceof XYItemEntity
                                ? javafx.scene.Cursor.HAND
                                : javafx.scene.Cursor.DEFAULT);
            }
        });
    }

    /** Asks where to export a chart (PDF, SVG or PNG), starting from this file name; empty when cancelled. */
    public static java.util.Optional<java.nio.file.Path> chooseFigure(javafx.stage.Window owner, String initialName) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export Chart");
        chooser.getExtensionFilters()
                .addAll(
                        new javafx.stage.FileChooser.ExtensionFilter("PDF (*.pdf)", "*.pdf"),
                        new javafx.stage.FileChooser.ExtensionFilter("SVG (*.svg)", "*.svg"),
                        new javafx.stage.FileChooser.ExtensionFilter("PNG (*.png)", "*.png"));
        chooser.setInitialFileName(initialName);
        java.io.File file = chooser.showSaveDialog(owner);
        return file == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(dev.ponder.core.export.ChartFiles.Format.figureFile(file.toPath()));
    }

    /**
     * Exports a chart in the background as every chart is (the figure at 300 dpi, its CSV and provenance), saying
     * the files written to {@code done}, or an error as a notice.
     */
    public static void export(
            dev.ponder.core.task.TaskRunner tasks,
            dev.ponder.core.service.WorkspaceServices from,
            dev.ponder.core.chart.ChartSpec spec,
            java.nio.file.Path figure,
            java.util.Set<dev.ponder.core.export.ChartFiles.Format> also,
            Consumer<String> done,
            Consumer<dev.ponder.app.common.Notice> notice) {
        tasks.submit(
                "Exporting " + spec.kind().title(),
                context -> from.charts().export(spec, figure, also, 300, context),
                result -> done.accept("Exported "
                        + String.join(
                                ", ",
                                result.files().stream()
                                        .map(file -> file.getFileName().toString())
                                        .toList())),
                error -> notice.accept(dev.ponder.app.common.Notice.error("Cannot export the chart", error)));
    }
}
