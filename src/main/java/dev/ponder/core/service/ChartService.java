package dev.ponder.core.service;

import dev.ponder.core.chart.ChartBuilder;
import dev.ponder.core.chart.ChartInputs;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.PlotData;
import dev.ponder.core.export.ChartExport;
import dev.ponder.core.export.ChartFiles.Format;
import dev.ponder.core.export.ChartProvenance;
import dev.ponder.core.model.Run;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Charts of the workspace's runs: a {@link ChartSpec} drawn into plot data, or exported with its CSV and provenance.
 * What the charts read from the runs is kept in memory until the runs change, so changing a chart's options does
 * not read them again.
 */
public final class ChartService {
    private final Workspace workspace;
    private final ContentChanges changes;
    private ChartInputs inputs;
    private long inputsAt = -1;

    ChartService(Workspace workspace, ContentChanges changes) {
        this.workspace = workspace;
        this.changes = changes;
    }

    /** The chart's numbers, ready to render on screen or on paper. */
    public PlotData draw(ChartSpec spec, TaskContext context) {
        return ChartBuilder.build(spec, inputs(), context);
    }

    /**
     * Draws the chart and writes it to {@code figure} (its extension is its format), plus the other {@code formats},
     * the CSV of the plotted numbers and the provenance record beside it.
     */
    public ChartExport.Result export(ChartSpec spec, Path figure, Set<Format> formats, int dpi, TaskContext context) {
        return ChartExport.export(spec, inputs(), figure, formats, dpi, context);
    }

    /** Every chart of the template's runs that has something to show, into {@code folder}. */
    public List<ChartExport.Result> exportAll(
            ChartSpec template, Path folder, Set<Format> formats, int dpi, TaskContext context) {
        return ChartExport.exportAll(template, inputs(), folder, formats, dpi, context);
    }

    /** The runs of a figure's provenance whose source file has changed since: "run 3 (name)", one each. */
    public List<String> changedSources(ChartProvenance provenance) {
        List<String> changed = new ArrayList<>();
        for (ChartProvenance.RunRecord recorded : provenance.runs()) {
            Run now = inputs().run(recorded.id());
            if (!Objects.equals(now.source().sha256(), recorded.sourceSha256())) {
                changed.add("run " + recorded.id() + " (" + now.name() + ")");
            }
        }
        return changed;
    }

    /** Reads the runs again for the next chart: after a change made outside these services (another Ponder). */
    public synchronized void forget() {
        inputs = null;
    }

    private synchronized ChartInputs inputs() {
        long now = changes.count();
        if (inputs == null || inputsAt != now) {
            inputs = new ChartInputs(workspace);
            inputsAt = now;
        }
        return inputs;
    }
}
