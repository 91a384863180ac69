package dev.ponder.app.charts;

import dev.ponder.core.chart.ChartKind;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** A chart in the chart list: its title with its one-line description under it. */
final class ChartKindCell extends ListCell<ChartKind> {
    ChartKindCell() {
        getStyleClass().add("chart-kind-cell");
    }

    @Override
    protected void updateItem(ChartKind kind, boolean empty) {
        super.updateItem(kind, empty);
        if (empty || kind == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        Label description = new Label(kind.description());
        description.getStyleClass().add("chart-kind-description");
        description.setWrapText(true);
        description.setMaxWidth(200);
        setText(null);
        setGraphic(new VBox(1, new Label(kind.title()), description));
    }
}
