package dev.ponder.app.compare;

import dev.ponder.app.common.Escape;
import dev.ponder.core.analysis.GraderAgreement;
import dev.ponder.core.answer.Grading;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Grader Agreement window: how often each pair of graders agrees on the run's answers (a matrix), the answer–gold
 * pairs they part on with each grader's verdict, and regrading with the grader of one's choice.
 */
public final class GraderAgreementView {
    private final Stage stage = new Stage();
    private final TableView<List<String>> matrix = new TableView<>();
    private final TableView<GraderAgreement.Disagreement> disagreements = new TableView<>();

    public GraderAgreementView(GraderAgreementViewModel viewModel, Window owner) {
        Label summary = new Label();
        summary.setId("agreement-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        matrix.setId("agreement-matrix");
        matrix.setFixedCellSize(24);
        disagreements.setId("agreement-disagreements");
        disagreements.setPlaceholder(new Label("The graders agree on every answer."));
        viewModel.agreementProperty().addListener((observable, before, after) -> show(after));
        show(viewModel.agreementProperty().get());

        ChoiceBox<Grading> grading = new ChoiceBox<>();
        grading.setId("agreement-grading");
        grading.getItems().setAll(viewModel.gradings());
        grading.setConverter(new StringConverter<>() {
            @Override
            public String toString(Grading value) {
                return value == null ? "" : value.label();
            }

            @Override
            public Grading fromString(String text) {
                return null;
            }
        });
        grading.getItems().stream()
                .filter(choice -> choice.label().equalsIgnoreCase(viewModel.grader()))
                .findFirst()
                .ifPresent(grading::setValue);
        Button regrade = new Button("Regrade the Run");
        regrade.setId("agreement-regrade");
        regrade.disableProperty().bind(grading.valueProperty().isNull());
        regrade.setOnAction(event -> {
            viewModel.regrade(grading.getValue());
            stage.hide();
        });
        Label with = new Label("Regrade with");
        HBox regrading = new HBox(8, with, grading, regrade);
        regrading.setAlignment(Pos.CENTER_LEFT);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.hide());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(8, regrading, spacer, close);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8, 10, 10, 10));

        Label pairs = new Label("Where they part: each answer against its gold, with every grader's verdict");
        VBox center = new VBox(8, summary, matrix, judgeRow(viewModel), pairs, disagreements);
        VBox.setVgrow(disagreements, Priority.ALWAYS);
        center.setPadding(new Insets(10));
        Scene scene = new Scene(new BorderPane(center, null, null, bottom, null), 1000, 640);
        scene.getStylesheets()
                .add(GraderAgreementView.class.getResource("compare.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(viewModel.title());
        Escape.closes(stage);
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    /**
     * A model judge from the saved server connections: choosing one says what asking it takes; Ask asks about the
     * pairs it has not answered, and its verdicts join the matrix.
     */
    private static HBox judgeRow(GraderAgreementViewModel viewModel) {
        ChoiceBox<dev.ponder.core.replay.ModelConnection> judge = new ChoiceBox<>();
        judge.setId("agreement-judge");
        judge.getItems().setAll(viewModel.judges());
        judge.setConverter(new StringConverter<>() {
            @Override
            public String toString(dev.ponder.core.replay.ModelConnection connection) {
                return connection == null ? "" : connection.name() + " (" + connection.model() + ")";
            }

            @Override
            public dev.ponder.core.replay.ModelConnection fromString(String text) {
                return null;
            }
        });
        judge.valueProperty().addListener((observable, before, after) -> viewModel.planJudge(after));
        Button ask = new Button("Ask the Judge");
        ask.setId("agreement-ask-judge");
        ask.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> viewModel.judgePlanProperty().get() == null
                                || viewModel.judgePlanProperty().get().toAsk() == 0,
                        viewModel.judgePlanProperty()));
        ask.setOnAction(event -> viewModel.askJudge(judge.getValue()));
        Label status = new Label();
        status.setId("agreement-judge-status");
        status.textProperty()
                .bind(javafx.beans.binding.Bindings.when(javafx.beans.binding.Bindings.isEmpty(judge.getItems()))
                        .then("No server connection saved: add one in the Replay tab to ask a model.")
                        .otherwise(viewModel.judgeStatusProperty()));
        judge.setDisable(judge.getItems().isEmpty());
        Label label = new Label("Model judge");
        // the controls keep their size; what asking takes wraps beside them
        for (javafx.scene.control.Control control : new javafx.scene.control.Control[] {label, judge, ask}) {
            control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        status.setWrapText(true);
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox row = new HBox(8, label, judge, ask, status);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private void show(GraderAgreement agreement) {
        matrix.getColumns().clear();
        disagreements.getColumns().clear();
        if (agreement == null) {
            return;
        }
        List<String> graders = agreement.graders();
        matrix.getColumns().add(column("agree", 170, row -> row.get(0)));
        for (int j = 0; j < graders.size(); j++) {
            int at = j + 1;
            matrix.getColumns().add(column(graders.get(j), 110, row -> row.get(at)));
        }
        matrix.getItems().clear();
        for (int i = 0; i < graders.size(); i++) {
            List<String> row = new java.util.ArrayList<>();
            row.add(graders.get(i));
            for (double share : agreement.agreement()[i]) {
                row.add(GraderAgreementViewModel.percent(share));
            }
            matrix.getItems().add(row);
        }
        double height = matrix.getFixedCellSize() * (graders.size() + 1) + 8;
        matrix.setMinHeight(height);
        matrix.setPrefHeight(height);
        matrix.setMaxHeight(height);
        disagreements
                .getColumns()
                .add(disagreement("Samples", 80, d -> String.format(Locale.ROOT, "%,d", d.samples())));
        disagreements.getColumns().add(disagreement("Answer", 220, GraderAgreement.Disagreement::answer));
        disagreements.getColumns().add(disagreement("Gold", 160, GraderAgreement.Disagreement::gold));
        for (int g = 0; g < graders.size(); g++) {
            int at = g;
            TableColumn<GraderAgreement.Disagreement, String> verdicts = disagreement(
                    graders.get(g),
                    90,
                    d -> GraderAgreementViewModel.mark(d.verdicts().get(at)));
            verdicts.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String mark, boolean empty) {
                    super.updateItem(mark, empty);
                    setText(empty ? null : mark);
                    getStyleClass().removeAll("verdict-right", "verdict-wrong");
                    if (!empty && "✓".equals(mark)) {
                        getStyleClass().add("verdict-right");
                    } else if (!empty && "✗".equals(mark)) {
                        getStyleClass().add("verdict-wrong");
                    }
                }
            });
            disagreements.getColumns().add(verdicts);
        }
        disagreements.getItems().setAll(agreement.disagreements());
    }

    private static TableColumn<List<String>, String> column(
            String title, double width, Function<List<String>, String> value) {
        TableColumn<List<String>, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<GraderAgreement.Disagreement, String> disagreement(
            String title, double width, Function<GraderAgreement.Disagreement, String> value) {
        TableColumn<GraderAgreement.Disagreement, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
