package dev.ponder.app.compare;

import dev.ponder.app.charts.ScreenCharts;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.PlotData;
import dev.ponder.core.chart.RenderedChart;
import dev.ponder.core.chart.Selection;
import dev.ponder.core.export.ChartFiles;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The chart of a run comparison: the flips per difficulty level, or each shared problem's pass rate in B against A,
 * drawn in the background by the same chart service as the Charts view, exported as every chart is, and what
 * clicking a mark opens.
 */
public final class PairedChartModel {
    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final List<Long> runs;
    private final Consumer<Selection> opener;
    private final ObjectProperty<ChartKind> kind = new SimpleObjectProperty<>(ChartKind.FLIPS);
    private final ReadOnlyObjectWrapper<RenderedChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Notice> notice;
    private long draws;

    PairedChartModel(
            TaskRunner tasks,
            WorkspaceSession session,
            long a,
            long b,
            Consumer<Selection> opener,
            ObjectProperty<Notice> notice) {
        this.tasks = tasks;
        this.session = session;
        this.runs = List.of(a, b);
        this.opener = opener;
        this.notice = notice;
        kind.addListener((observable, before, after) -> draw());
        draw();
    }

    /** {@link ChartKind#FLIPS} or {@link ChartKind#PAIRED_RATES}. */
    public ObjectProperty<ChartKind> kindProperty() {
        return kind;
    }

    public ReadOnlyObjectProperty<RenderedChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Opens what a clicked mark stands for in the workbench: a problem, or the problems of a bar. */
    public void open(PlotData.Point point) {
        if (point != null && point.selection() != null) {
            opener.accept(point.selection());
        }
    }

    /** Exports the chart as the Charts view does: the figure, its CSV and provenance, and the other formats. */
    public void export(Path figure, Set<ChartFiles.Format> also, Consumer<String> done) {
        WorkspaceServices from = session.workspace();
        if (from != null) {
            ScreenCharts.export(tasks, from, spec(), figure, also, done, notice::set);
        }
    }

    private ChartSpec spec() {
        return ChartSpec.of(kind.get(), runs);
    }

    private void draw() {
        WorkspaceServices from = session.workspace();
        if (from == null) {
            return;
        }
        ChartSpec current = spec();
        long draw = ++draws;
        status.set("Drawing " + current.kind().title() + "…");
        tasks.submit(
                "Chart: " + current.kind().title(),
                context -> {
                    return ScreenCharts.render(from.charts().draw(current, context), current.style());
                },
                drawn -> {
                    if (draw == draws) {
                        chart.set(drawn);
                        status.set(String.join(" · ", drawn.data().notes()));
                    }
                },
                error -> {
                    if (draw == draws) {
                        chart.set(null);
                        status.set("Cannot draw this chart: " + error.getMessage());
                    }
                });
    }
}
