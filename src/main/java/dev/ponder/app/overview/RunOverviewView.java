package dev.ponder.app.overview;

import dev.ponder.app.Fxml;
import dev.ponder.app.overview.RunOverviewViewModel.Fact;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Shows the selected run's provenance and counts; an empty state says what to do when nothing is selected. */
public final class RunOverviewView {
    private final RunOverviewViewModel viewModel;
    private final Parent root;

    @FXML
    private VBox content;
    @FXML
    private VBox emptyState;
    @FXML
    private Label title;
    @FXML
    private GridPane countsGrid;
    @FXML
    private GridPane provenanceGrid;

    public RunOverviewView(RunOverviewViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "RunOverview.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        title.textProperty().bind(viewModel.titleProperty());
        fill(countsGrid, viewModel.counts(), "count", true);
        fill(provenanceGrid, viewModel.provenance(), "fact", false);
    }

    /** Lays facts out as label/value rows, or as tiles side by side with the label above the value. */
    private static void fill(GridPane grid, ObservableList<Fact> facts, String style, boolean tiles) {
        ListChangeListener<Fact> redraw = change -> show(grid, change.getList(), style, tiles);
        facts.addListener(redraw);
        show(grid, facts, style, tiles);
    }

    private static void show(GridPane grid, List<? extends Fact> facts, String style, boolean tiles) {
        grid.getChildren().clear();
        for (int i = 0; i < facts.size(); i++) {
            Label label = new Label(facts.get(i).label());
            label.getStyleClass().add(style + "-label");
            Label value = new Label(facts.get(i).value());
            value.getStyleClass().add(style + "-value");
            value.setWrapText(!tiles);
            if (tiles) {
                grid.addColumn(i, value, label);
            } else {
                grid.addRow(i, label, value);
            }
        }
    }
}
