package dev.ponder.app.charts;

import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import java.util.Optional;

/** Where the choices made for each chart are kept between starts (the user's settings). */
public interface ChartMemory {
    Optional<ChartSpec> recall(ChartKind kind);

    void remember(ChartSpec spec);

    /** The paper style a chart with no remembered choices starts with (Settings › Charts). */
    default dev.ponder.core.chart.PaperStyle defaultStyle() {
        return dev.ponder.core.chart.PaperStyle.SINGLE_COLUMN;
    }

    /** Remembers nothing: for tests and previews. */
    ChartMemory NONE = new ChartMemory() {
        @Override
        public Optional<ChartSpec> recall(ChartKind kind) {
            return Optional.empty();
        }

        @Override
        public void remember(ChartSpec spec) {}
    };
}
