package dev.ponder.app.replay;

import dev.ponder.app.common.Fxml;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.ReplayStrategy;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.Duration;

/** The Replay tab: the replay's settings on the left, its progress and the streaming traces on the right. */
public final class ReplayView {
    private final ReplayViewModel viewModel;
    private final Parent root;
    private final Timeline poller;
    /** Bidirectional bindings hold their ends weakly: these boxed views of the view-model's numbers must live on. */
    private final List<Object> boxes = new ArrayList<>();

    @FXML
    private ComboBox<ModelConnection> connection;

    @FXML
    private ChoiceBox<ReplayViewModel.Scope> scope;

    @FXML
    private Label problemsSummary;

    @FXML
    private ChoiceBox<ReplayStrategy> strategy;

    @FXML
    private Label budgetsLabel;

    @FXML
    private TextField budgets;

    @FXML
    private Spinner<Integer> extensions;

    @FXML
    private TextField waitWord;

    @FXML
    private TextField answerPrompt;

    @FXML
    private Label samplesLabel;

    @FXML
    private Spinner<Integer> samples;

    @FXML
    private Label roundsLabel;

    @FXML
    private Spinner<Integer> rounds;

    @FXML
    private Spinner<Double> temperature;

    @FXML
    private Spinner<Integer> seed;

    @FXML
    private Spinner<Integer> concurrency;

    @FXML
    private TextField name;

    @FXML
    private Button start;

    @FXML
    private Button cancel;

    @FXML
    private ProgressBar progress;

    @FXML
    private Label message;

    @FXML
    private ListView<String> units;

    @FXML
    private CheckBox follow;

    @FXML
    private Label watching;

    @FXML
    private TextArea liveText;

    public ReplayView(ReplayViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "Replay.fxml");
        // The sample threads write into a buffer; the screen reads it ten times a second.
        this.poller = new Timeline(
                new KeyFrame(Duration.millis(100), event -> viewModel.live().poll()));
        poller.setCycleCount(Timeline.INDEFINITE);
        poller.play();
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        connection.setItems(viewModel.connections().all());
        connection.valueProperty().bindBidirectional(viewModel.connections().chosenProperty());
        connection.setCellFactory(list -> new ConnectionCell());
        connection.setButtonCell(new ConnectionCell());
        scope.getItems().setAll(ReplayViewModel.Scope.values());
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        problemsSummary.textProperty().bind(viewModel.problemsSummaryProperty());
        strategy.getItems().setAll(ReplayStrategy.values());
        strategy.valueProperty().bindBidirectional(viewModel.form().strategyProperty());
        budgets.textProperty().bindBidirectional(viewModel.form().budgetsProperty());
        integers(extensions, 0, 64, viewModel.form().extensionsProperty().asObject());
        waitWord.textProperty().bindBidirectional(viewModel.form().waitWordProperty());
        answerPrompt.textProperty().bindBidirectional(viewModel.form().answerPromptProperty());
        integers(samples, 1, 1024, viewModel.form().samplesProperty().asObject());
        integers(rounds, 2, 16, viewModel.form().roundsProperty().asObject());
        integers(seed, 0, Integer.MAX_VALUE, viewModel.form().seedProperty().asObject());
        integers(concurrency, 1, 256, viewModel.form().concurrencyProperty().asObject());
        SpinnerValueFactory.DoubleSpinnerValueFactory t =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 2, 0.8, 0.1);
        temperature.setValueFactory(t);
        ObjectProperty<Double> boxedTemperature =
                viewModel.form().temperatureProperty().asObject();
        boxes.add(boxedTemperature);
        t.valueProperty().bindBidirectional(boxedTemperature);
        name.textProperty().bindBidirectional(viewModel.form().nameProperty());

        viewModel.form().strategyProperty().addListener((o, b, s) -> showFieldsFor(s));
        showFieldsFor(viewModel.form().strategyProperty().get());

        start.disableProperty().bind(viewModel.runningProperty());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        progress.progressProperty().bind(viewModel.live().progressProperty());
        message.textProperty().bind(viewModel.live().messageProperty());
        units.setItems(viewModel.live().units());
        units.getSelectionModel().selectedItemProperty().addListener((o, b, unit) -> {
            if (unit != null && !unit.equals(viewModel.live().watchedProperty().get())) {
                viewModel.live().followLatestProperty().set(false);
                viewModel.live().watchedProperty().set(unit);
            }
        });
        viewModel.live().watchedProperty().addListener((o, b, unit) -> {
            units.getSelectionModel().select(unit);
            watching.setText(unit == null ? "Live trace" : "Live trace: " + unit);
        });
        follow.selectedProperty().bindBidirectional(viewModel.live().followLatestProperty());
        viewModel.live().textProperty().addListener((o, b, text) -> {
            liveText.setText(text);
            liveText.positionCaret(text.length());
        });
    }

    private void integers(Spinner<Integer> spinner, int min, int max, ObjectProperty<Integer> value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        spinner.setValueFactory(factory);
        boxes.add(value);
        factory.valueProperty().bindBidirectional(value);
    }

    private void showFieldsFor(ReplayStrategy chosen) {
        boolean rounds = chosen == ReplayStrategy.MULTI_ROUND;
        roundsLabel.setVisible(rounds);
        this.rounds.setVisible(rounds);
        roundsLabel.setManaged(rounds);
        this.rounds.setManaged(rounds);
        samplesLabel.setText(
                switch (chosen) {
                    case FIRST_FINISH -> "Launched per problem";
                    case BRANCH -> "Branches";
                    case MULTI_ROUND -> "Chains per problem";
                    default -> "Samples per problem";
                });
        budgetsLabel.setText(chosen == ReplayStrategy.BUDGET_FORCING ? "Thinking budgets" : "Thinking budget");
        budgets.setPromptText(chosen == ReplayStrategy.BUDGET_FORCING ? "e.g. 256, 1024, 4096" : "none (uncapped)");
        scope.setDisable(chosen == ReplayStrategy.BRANCH);
    }

    @FXML
    private void start() {
        viewModel.start();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void editConnections() {
        ConnectionDialog.show(root.getScene() == null ? null : root.getScene().getWindow(), viewModel.connections());
    }

    /** A connection by name, with what it points at. */
    private static final class ConnectionCell extends ListCell<ModelConnection> {
        @Override
        protected void updateItem(ModelConnection item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
        }
    }
}
