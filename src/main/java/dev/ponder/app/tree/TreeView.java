package dev.ponder.app.tree;

import dev.ponder.app.common.Fxml;
import dev.ponder.app.shell.FileDialogs;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.export.ChartFiles;
import dev.ponder.core.tree.TreeOptions;
import dev.ponder.core.tree.TreeScene;
import dev.ponder.core.tree.TreeSource;
import java.awt.Color;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The Tree tab: toolbar, the tree canvas with playback and legend below it, and the node inspector. */
public final class TreeView {
    private final TreeViewModel viewModel;
    private final FileDialogs dialogs;
    private final Consumer<String> announce;
    private final TreeCanvas canvas = new TreeCanvas();
    private final Timeline player = new Timeline();
    private final Parent root;

    @FXML
    private ComboBox<TreeSource> source;

    @FXML
    private CheckBox fold;

    @FXML
    private ChoiceBox<TreeOptions.Orientation> orientation;

    @FXML
    private ChoiceBox<TreeOptions.SizeBy> sizeBy;

    @FXML
    private ChoiceBox<TreeOptions.ColourBy> colourBy;

    @FXML
    private ToggleButton bestPath;

    @FXML
    private ToggleButton correctPaths;

    @FXML
    private ToggleButton edgeLabels;

    @FXML
    private StackPane canvasSlot;

    @FXML
    private Label placeholder;

    @FXML
    private HBox playback;

    @FXML
    private Button play;

    @FXML
    private Slider iteration;

    @FXML
    private Label iterationLabel;

    @FXML
    private HBox legend;

    @FXML
    private Label status;

    @FXML
    private Label nodeTitle;

    @FXML
    private Label nodeFacts;

    @FXML
    private TextArea stepText;

    @FXML
    private TextArea pathText;

    @FXML
    private Button openSample;

    /** @param announce where a finished export is announced (the status bar) */
    /** @param dark whether the window shows the dark theme: the canvas follows it, exports stay in the paper style */
    public TreeView(
            TreeViewModel viewModel,
            FileDialogs dialogs,
            Consumer<String> announce,
            javafx.beans.value.ObservableValue<Boolean> dark) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.announce = announce;
        this.root = Fxml.load(this, "Tree.fxml");
        canvas.setDark(Boolean.TRUE.equals(dark.getValue()));
        dark.addListener((observable, before, now) -> canvas.setDark(Boolean.TRUE.equals(now)));
    }

    public Parent root() {
        return root;
    }

    /** The canvas, for tests and the frame-rate benchmark. */
    public TreeCanvas canvas() {
        return canvas;
    }

    @FXML
    private void initialize() {
        play.setGraphic(PlaybackIcons.play());
        play.setAccessibleText("Play");
        canvas.setId("tree-canvas");
        canvasSlot.getChildren().add(0, canvas);
        canvas.onChoose(viewModel::choose);
        canvas.onToggle(viewModel::toggleCollapsed);
        canvas.setFocusTraversable(true);
        canvas.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.F) {
                canvas.fit();
            }
        });
        canvas.setOnMousePressed(event -> canvas.requestFocus());

        source.setItems(viewModel.sources());
        source.valueProperty().bindBidirectional(viewModel.sourceProperty());
        fold.selectedProperty().bindBidirectional(viewModel.foldProperty());
        fold.visibleProperty().bind(source.valueProperty().isEqualTo(TreeSource.SAMPLES));
        fold.managedProperty().bind(fold.visibleProperty());

        orientation.getItems().setAll(TreeOptions.Orientation.values());
        orientation.setConverter(labels(Map.of(
                TreeOptions.Orientation.TOP_DOWN, "Top down", TreeOptions.Orientation.LEFT_RIGHT, "Left to right")));
        sizeBy.getItems().setAll(TreeOptions.SizeBy.values());
        sizeBy.setConverter(
                labels(Map.of(TreeOptions.SizeBy.UNIFORM, "Same size", TreeOptions.SizeBy.WEIGHT, "Sized by weight")));
        colourBy.getItems().setAll(TreeOptions.ColourBy.values());
        colourBy.setConverter(labels(
                Map.of(TreeOptions.ColourBy.VALUE, "Value colours", TreeOptions.ColourBy.ANSWER, "Answer colours")));
        showOptions(viewModel.optionsProperty().get());
        orientation.valueProperty().addListener((o, b, value) -> change(options -> options.withOrientation(value)));
        sizeBy.valueProperty().addListener((o, b, value) -> change(options -> options.withSizeBy(value)));
        colourBy.valueProperty().addListener((o, b, value) -> change(options -> options.withColourBy(value)));
        bestPath.selectedProperty().addListener((o, b, value) -> change(options -> options.withBestPath(value)));
        correctPaths
                .selectedProperty()
                .addListener((o, b, value) -> change(options -> options.withCorrectPaths(value)));
        edgeLabels.selectedProperty().addListener((o, b, value) -> change(options -> options.withEdgeLabels(value)));

        viewModel.sceneProperty().addListener((observable, before, scene) -> showScene(scene));
        viewModel.statusProperty().addListener((observable, before, text) -> status.setText(text));
        status.setText(viewModel.statusProperty().get());
        nodeTitle.textProperty().bind(viewModel.nodeTitleProperty());
        nodeFacts.textProperty().bind(viewModel.nodeFactsProperty());
        stepText.textProperty().bind(viewModel.stepTextProperty());
        pathText.textProperty().bind(viewModel.pathTextProperty());
        openSample.disableProperty().bind(viewModel.canOpenSampleProperty().not());

        setUpPlayback();
        showScene(viewModel.sceneProperty().get());
    }

    private void setUpPlayback() {
        playback.visibleProperty().bind(viewModel.lastIterationProperty().greaterThan(1));
        playback.managedProperty().bind(playback.visibleProperty());
        iteration.setMin(1);
        viewModel.lastIterationProperty().addListener((observable, before, last) -> resetPlayback(last.intValue()));
        resetPlayback(viewModel.lastIterationProperty().get());
        iteration.valueProperty().addListener((observable, before, value) -> {
            int at = (int) Math.round(value.doubleValue());
            int last = viewModel.lastIterationProperty().get();
            if (at != viewModel.optionsProperty().get().iteration() || at == last) {
                viewModel.showIteration(at >= last ? 0 : at);
            }
            iterationLabel.setText(
                    at >= last ? "after all " + last + " iterations" : "after iteration " + at + " of " + last);
        });
        player.getKeyFrames().setAll(new KeyFrame(Duration.millis(700), event -> {
            int last = viewModel.lastIterationProperty().get();
            int next = (int) Math.round(iteration.getValue()) + 1;
            iteration.setValue(Math.min(next, last));
            if (next >= last) {
                stopPlaying();
            }
        }));
        player.setCycleCount(Timeline.INDEFINITE);
    }

    private void resetPlayback(int last) {
        stopPlaying();
        iteration.setMax(Math.max(1, last));
        iteration.setValue(Math.max(1, last));
        iterationLabel.setText(last > 1 ? "after all " + last + " iterations" : "");
    }

    @FXML
    private void togglePlay() {
        if (player.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            stopPlaying();
            return;
        }
        if (iteration.getValue() >= iteration.getMax()) {
            iteration.setValue(1);
        }
        play.setGraphic(PlaybackIcons.pause());
        play.setAccessibleText("Pause");
        player.play();
    }

    private void stopPlaying() {
        player.stop();
        if (play != null) {
            play.setGraphic(PlaybackIcons.play());
            play.setAccessibleText("Play");
        }
    }

    private void change(java.util.function.UnaryOperator<TreeOptions> edit) {
        TreeOptions current = viewModel.optionsProperty().get();
        TreeOptions next = edit.apply(current);
        if (!next.equals(current)) {
            viewModel.optionsProperty().set(next);
        }
    }

    private void showOptions(TreeOptions options) {
        orientation.setValue(options.orientation());
        sizeBy.setValue(options.sizeBy());
        colourBy.setValue(options.colourBy());
        bestPath.setSelected(options.bestPath());
        correctPaths.setSelected(options.correctPaths());
        edgeLabels.setSelected(options.edgeLabels());
    }

    private void showScene(TreeScene scene) {
        placeholder.setVisible(scene == null);
        placeholder.setText(scene == null ? viewModel.statusProperty().get() : "");
        canvas.setVisible(scene != null);
        canvas.show(scene, viewModel.chosenProperty().get());
        showLegend(scene);
    }

    private void showLegend(TreeScene scene) {
        legend.getChildren().clear();
        if (scene == null) {
            return;
        }
        if (scene.options().colourBy() == TreeOptions.ColourBy.VALUE) {
            double[] range = scene.valueRange();
            if (range != null) {
                Region bar = new Region();
                bar.getStyleClass().add("tree-legend-bar");
                legend.getChildren()
                        .addAll(
                                new Label(scene.tree().valueName()
                                        + (scene.logScale() ? " (log scale) " : " ")
                                        + TreeScene.number(range[0])),
                                bar,
                                new Label(TreeScene.number(range[1])));
            }
        } else {
            for (Map.Entry<String, Color> answer : scene.answerLegend().entrySet()) {
                legend.getChildren().add(swatch(answer.getValue(), null, answer.getKey()));
            }
        }
        legend.getChildren()
                .addAll(
                        swatch(Color.WHITE, dev.ponder.core.chart.PaperColours.CORRECT, "right"),
                        swatch(Color.WHITE, dev.ponder.core.chart.PaperColours.WRONG, "wrong"),
                        new Label("· dashed: pruned · ✚: folded subtree"));
    }

    private static Label swatch(Color fill, Color ring, String text) {
        Circle circle = new Circle(6, FxColours.of(fill));
        circle.setStroke(FxColours.of(ring == null ? new Color(0x333333) : ring));
        circle.setStrokeWidth(ring == null ? 1 : 2.5);
        Label label = new Label(text.length() > 18 ? text.substring(0, 17) + "…" : text, circle);
        label.setGraphicTextGap(4);
        return label;
    }

    @FXML
    private void fit() {
        canvas.fit();
    }

    @FXML
    private void expandAll() {
        viewModel.expandAll();
    }

    @FXML
    private void openSample() {
        viewModel.openSample();
    }

    @FXML
    private void export() {
        if (viewModel.sceneProperty().get() == null) {
            return;
        }
        dialogs.figureToWrite(root.getScene() == null ? null : root.getScene().getWindow(), "tree.pdf")
                .ifPresent(file ->
                        viewModel.export(ChartFiles.Format.figureFile(file), PaperStyle.SINGLE_COLUMN, 300, announce));
    }

    private static <T> StringConverter<T> labels(Map<T, String> names) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : names.getOrDefault(value, value.toString());
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
