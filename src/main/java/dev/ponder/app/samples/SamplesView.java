package dev.ponder.app.samples;

import dev.ponder.app.common.Figures;
import dev.ponder.app.common.Fxml;
import dev.ponder.app.common.TableColumns;
import dev.ponder.app.common.TagChips;
import dev.ponder.app.samples.SamplesViewModel.SampleItem;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/** A problem's vote distribution (clusters with counts, summed reward, gold marked) and its samples. */
public final class SamplesView {
    private final SamplesViewModel viewModel;
    private final ObservableList<String> knownTags;
    private final Parent root;

    @FXML
    private BorderPane content;

    @FXML
    private Label emptyState;

    @FXML
    private Label heading;

    @FXML
    private Label summary;

    @FXML
    private FlowPane tagChips;

    @FXML
    private ComboBox<String> tagInput;

    @FXML
    private ToggleButton noteToggle;

    @FXML
    private VBox noteBox;

    @FXML
    private TextArea noteArea;

    @FXML
    private Button allSamples;

    @FXML
    private TableView<VoteRow> votesTable;

    @FXML
    private TableView<SampleItem> samplesTable;

    public SamplesView(SamplesViewModel viewModel, ObservableList<String> knownTags) {
        this.viewModel = viewModel;
        this.knownTags = knownTags;
        this.root = Fxml.load(this, "Samples.fxml");
    }

    public Parent root() {
        return root;
    }

    public TableView<SampleItem> samplesTable() {
        return samplesTable;
    }

    /** The selected samples, first the focused one: what Compare takes. */
    public List<SampleItem> selectedSamples() {
        return List.copyOf(samplesTable.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void initialize() {
        content.visibleProperty().bind(viewModel.problemProperty().isNotNull());
        emptyState.visibleProperty().bind(viewModel.problemProperty().isNull());
        heading.textProperty().bind(viewModel.headingProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        TagChips.bind(tagChips, viewModel.problemTags(), viewModel::untagProblem);
        TagChips.offer(tagInput, knownTags, viewModel::tagProblem);
        noteBox.visibleProperty().bind(noteToggle.selectedProperty());
        noteBox.managedProperty().bind(noteToggle.selectedProperty());
        noteArea.textProperty().bindBidirectional(viewModel.problemNoteProperty());
        noteArea.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                viewModel.saveProblemNote();
            }
        });
        allSamples.disableProperty().bind(viewModel.clusterProperty().isNull());
        votes();
        samples();
    }

    private void votes() {
        TableColumn<VoteRow, String> answer =
                TableColumns.text("Answer", 150, row -> (row.isGold() ? "★ " : "") + row.answer());
        TableColumn<VoteRow, Double> votes =
                TableColumns.number("Votes", 54, VoteRow::votes, value -> Figures.count((long) value));
        TableColumn<VoteRow, Double> share = TableColumns.number("Share", 150, VoteRow::share, Figures::percent);
        share.setCellFactory(ignored -> new TableCell<>() {
            private final Rectangle bar = new Rectangle(0, 10);

            {
                bar.getStyleClass().add("share-bar");
            }

            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                bar.setWidth(Math.max(1, 90 * item));
                setGraphic(bar);
                setText(Figures.percent(item));
            }
        });
        TableColumn<VoteRow, Double> reward =
                TableColumns.number("Σ reward", 70, VoteRow::scoreSum, value -> Figures.number(value, 2));
        TableColumn<VoteRow, String> verdict = TableColumns.text(
                "Verdict", 70, row -> row.correct() == null ? "—" : row.correct() ? "correct" : "wrong");
        votesTable.getColumns().setAll(List.of(answer, votes, share, reward, verdict));
        votesTable.setRowFactory(ignored -> new TableRow<>() {
            @Override
            protected void updateItem(VoteRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("gold", "wrong-answer");
                if (!empty && item != null) {
                    getStyleClass()
                            .add(
                                    item.isGold()
                                            ? "gold"
                                            : Boolean.FALSE.equals(item.correct()) ? "wrong-answer" : "plain");
                }
            }
        });
        votesTable.setItems(viewModel.votes());
        votesTable.setPlaceholder(
                new Label("No sample of this problem states an answer: read a trace below to see why."));
        votesTable
                .getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (observable, before, row) -> viewModel.clusterProperty().set(row));
        viewModel.clusterProperty().addListener((observable, before, row) -> {
            if (row == null) {
                votesTable.getSelectionModel().clearSelection();
            }
        });
    }

    private void samples() {
        TableColumn<SampleItem, Double> index =
                TableColumns.number("#", 44, item -> item.line().index(), value -> String.valueOf((int) value));
        TableColumn<SampleItem, Double> round =
                TableColumns.number("Round", 50, item -> item.line().round(), value -> String.valueOf((int) value));
        TableColumn<SampleItem, String> answer = TableColumns.text(
                "Answer", 110, item -> Figures.orDash(item.line().answer()));
        TableColumn<SampleItem, String> correct = TableColumns.text(
                "✓",
                36,
                item -> item.line().correct() == null ? "—" : item.line().correct() ? "✓" : "✗");
        TableColumns.markVerdicts(correct);
        TableColumn<SampleItem, Double> tokens = TableColumns.number(
                "Tokens",
                66,
                item -> item.line().tokens() == null ? Double.NaN : item.line().tokens(),
                value -> Figures.count((long) value));
        TableColumn<SampleItem, String> finish = TableColumns.text(
                "Finish", 60, item -> Figures.orDash(item.line().finishReason()));
        TableColumn<SampleItem, Double> score = TableColumns.number(
                "Score",
                60,
                item -> item.line().score() == null ? Double.NaN : item.line().score(),
                value -> Figures.number(value, 3));
        TableColumn<SampleItem, String> change = TableColumns.text("Since last round", 110, SampleItem::roundChange);
        TableColumn<SampleItem, String> tags = TableColumns.text("Tags", 120, item -> String.join(", ", item.tags()));
        samplesTable.getColumns().setAll(List.of(index, round, answer, correct, change, tokens, finish, score, tags));
        samplesTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        samplesTable.setItems(viewModel.shown());
        samplesTable.setPlaceholder(new Label("No samples here. Choose another answer above, or All Samples."));
        samplesTable.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            if (item != null) {
                viewModel.selectedProperty().set(item);
            }
        });
        viewModel.selectedProperty().addListener((observable, before, item) -> {
            if (item != null && samplesTable.getSelectionModel().getSelectedItem() != item) {
                samplesTable.getSelectionModel().clearSelection();
                samplesTable.getSelectionModel().select(item);
                samplesTable.scrollTo(item);
            }
        });
        TableColumns.moveWithJk(samplesTable);
    }

    @FXML
    private void addTag() {
        TagChips.add(tagInput, viewModel::tagProblem);
    }

    @FXML
    private void showAll() {
        viewModel.clusterProperty().set(null);
    }
}
