package dev.ponder.app.status;

import dev.ponder.app.common.Fxml;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;

/** The strip at the bottom of the window. */
public final class StatusBarView {
    private final StatusBarViewModel viewModel;
    private final ObservableStringValue workspacePath;
    private final Parent root;

    @FXML
    private Label message;

    @FXML
    private ProgressBar progress;

    @FXML
    private Label others;

    @FXML
    private Button cancel;

    @FXML
    private Label workspace;

    public StatusBarView(StatusBarViewModel viewModel, ObservableStringValue workspacePath) {
        this.viewModel = viewModel;
        this.workspacePath = workspacePath;
        this.root = Fxml.load(this, "StatusBar.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        message.textProperty().bind(viewModel.textProperty());
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.managedProperty().bind(viewModel.busyProperty());
        cancel.setTooltip(new Tooltip("Cancel this task; nothing half-done is kept"));
        others.textProperty().bind(viewModel.othersProperty());
        workspace.textProperty().bind(workspacePath);
        workspace.setTooltip(new Tooltip());
        workspace.getTooltip().textProperty().bind(workspacePath);
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
