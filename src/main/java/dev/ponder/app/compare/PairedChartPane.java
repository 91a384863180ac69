package dev.ponder.app.compare;

import dev.ponder.app.charts.ScreenCharts;
import dev.ponder.core.chart.ChartKind;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;

/** The comparison's chart beside its table: which chart, the chart itself (marks open problems), and export. */
final class PairedChartPane {
    private final BorderPane root = new BorderPane();
    private final ChartViewer viewer = new ChartViewer(null, false);

    PairedChartPane(PairedChartModel model, Window owner) {
        ChoiceBox<ChartKind> kind = new ChoiceBox<>();
        kind.setId("compare-runs-chart");
        kind.getItems().setAll(ChartKind.FLIPS, ChartKind.PAIRED_RATES);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChartKind chart) {
                return chart == null ? "" : chart.title();
            }

            @Override
            public ChartKind fromString(String text) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        Label done = new Label();
        Button export = new Button("Export Chart…");
        export.setOnAction(event -> ScreenCharts.chooseFigure(
                        owner, model.kindProperty().get().id() + ".pdf")
                .ifPresent(figure -> model.export(figure, Set.of(), done::setText)));
        HBox controls = new HBox(8, kind, export, done);
        controls.setPadding(new Insets(0, 0, 6, 0));
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        viewer.setId("compare-runs-chart-viewer");
        ScreenCharts.openOnClick(viewer, model.chartProperty()::get, model::open);
        model.chartProperty()
                .addListener((observable, before, drawn) -> viewer.setChart(drawn == null ? null : drawn.chart()));
        if (model.chartProperty().get() != null) {
            viewer.setChart(model.chartProperty().get().chart());
        }
        StackPane slot = new StackPane(viewer);
        slot.setMinSize(0, 0);
        root.setTop(controls);
        root.setCenter(slot);
        root.setBottom(status);
        root.setPadding(new Insets(0, 0, 0, 8));
        HBox.setHgrow(root, Priority.ALWAYS);
    }

    Parent root() {
        return root;
    }
}
