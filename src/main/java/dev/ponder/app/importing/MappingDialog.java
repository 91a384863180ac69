package dev.ponder.app.importing;

import dev.ponder.app.common.Fxml;
import dev.ponder.core.ingest.MappingPreview;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.FieldMapping.Field;
import dev.ponder.core.ingest.mapping.FieldMapping.Layout;
import dev.ponder.core.service.FieldMappings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The field-mapping dialog: where the records are, what one record is, which field holds what; beside it the
 * first records as they are, and below what the import will store, so the user sees the mapping work before
 * importing. Each field's chooser has the id {@code field-KEY}.
 */
public final class MappingDialog {
    public static final ButtonType USE = new ButtonType("Use Mapping", ButtonBar.ButtonData.OK_DONE);

    private static final Map<Field, String> LABELS = Map.ofEntries(
            Map.entry(Field.PROBLEM_ID, "Problem id"),
            Map.entry(Field.QUESTION, "Question"),
            Map.entry(Field.GOLD, "Gold answer"),
            Map.entry(Field.TRACE, "Response (the trace)"),
            Map.entry(Field.REASONING, "Reasoning, if apart"),
            Map.entry(Field.ANSWER, "Extracted answer"),
            Map.entry(Field.CORRECT, "Correct"),
            Map.entry(Field.TOKENS, "Tokens"),
            Map.entry(Field.THINKING_TOKENS, "Thinking tokens"),
            Map.entry(Field.SCORE, "Score (PRM, reward)"),
            Map.entry(Field.FINISH_REASON, "Finish reason"),
            Map.entry(Field.INDEX, "Sample index"),
            Map.entry(Field.BUDGET, "Thinking budget (a run each)"),
            Map.entry(Field.ROUND, "Round (multi-round thinking)"),
            Map.entry(Field.ROOT, "Tree root"),
            Map.entry(Field.CHILDREN, "Children"),
            Map.entry(Field.NODE_TEXT, "Step text"),
            Map.entry(Field.VALUE, "Value"),
            Map.entry(Field.VISITS, "Visits"),
            Map.entry(Field.REWARD, "Reward"),
            Map.entry(Field.NODE_ANSWER, "Node's answer"),
            Map.entry(Field.NODE_CORRECT, "Node correct"));

    private final MappingDialogModel model;
    private final Parent root;

    @FXML
    private Label fileLabel;

    @FXML
    private ComboBox<String> records;

    @FXML
    private ChoiceBox<Layout> layout;

    @FXML
    private GridPane fields;

    @FXML
    private TextArea raw;

    @FXML
    private ProgressIndicator busy;

    @FXML
    private TableView<MappingPreview.Row> preview;

    @FXML
    private TableColumn<MappingPreview.Row, String> questionColumn;

    @FXML
    private TableColumn<MappingPreview.Row, String> goldColumn;

    @FXML
    private TableColumn<MappingPreview.Row, String> indexColumn;

    @FXML
    private TableColumn<MappingPreview.Row, String> answerColumn;

    @FXML
    private TableColumn<MappingPreview.Row, String> correctColumn;

    @FXML
    private TableColumn<MappingPreview.Row, String> tokensColumn;

    @FXML
    private TableColumn<MappingPreview.Row, String> scoreColumn;

    @FXML
    private TableColumn<MappingPreview.Row, String> traceColumn;

    @FXML
    private Label problem;

    @FXML
    private CheckBox remember;

    private MappingDialog(MappingDialogModel model) {
        this.model = model;
        this.root = Fxml.load(this, "MappingDialog.fxml");
    }

    /** Shows the dialog; returns the mapping the user accepted, or nothing when cancelled. */
    public static Optional<FieldMapping> show(Window owner, MappingDialogModel model) {
        MappingDialog view = new MappingDialog(model);
        Dialog<FieldMapping> dialog = new Dialog<>();
        dialog.setTitle("Map Fields");
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setContent(view.root);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, USE);
        dialog.getDialogPane()
                .lookupButton(USE)
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.mapping().isEmpty()
                                || model.preview().isEmpty()
                                || model.busyProperty().get(),
                        model.preview(),
                        model.busyProperty()));
        dialog.setResultConverter(button -> button == USE ? model.mapping().orElse(null) : null);
        dialog.setOnShown(event -> model.load());
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        fileLabel.setText("How to read " + model.file().getFileName());
        records.setItems(model.locations());
        records.setConverter(new Locations());
        records.valueProperty().bindBidirectional(model.recordsAtProperty());
        layout.getItems().setAll(Layout.values());
        layout.setConverter(new Layouts());
        layout.valueProperty().bindBidirectional(model.layoutProperty());
        model.layoutProperty().addListener((observable, before, after) -> showFields());
        showFields();
        raw.textProperty().bind(model.rawRecordsProperty());
        busy.visibleProperty().bind(model.busyProperty());

        preview.setItems(model.preview());
        column(questionColumn, row -> row.question() != null ? row.question() : row.problem());
        column(goldColumn, MappingPreview.Row::gold);
        column(indexColumn, row -> String.valueOf(row.index()));
        column(answerColumn, MappingPreview.Row::answer);
        column(correctColumn, row -> row.correct() == null ? "—" : row.correct() ? "yes" : "no");
        column(
                tokensColumn,
                row -> row.tokens() == null
                        ? (row.visits() == null ? "—" : row.visits() + " visits")
                        : String.format(Locale.ROOT, "%,d%s", row.tokens(), row.tokensEstimated() ? "*" : ""));
        column(scoreColumn, row -> row.score() == null ? "—" : String.format(Locale.ROOT, "%.3f", row.score()));
        column(traceColumn, row -> row.trace() == null ? "—" : oneLine(row.trace()));
        correctColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("verdict-correct", "verdict-wrong");
                if (!empty && "yes".equals(text)) {
                    getStyleClass().add("verdict-correct");
                } else if (!empty && "no".equals(text)) {
                    getStyleClass().add("verdict-wrong");
                }
            }
        });
        problem.textProperty().bind(model.problemProperty());
        remember.selectedProperty().bindBidirectional(model.rememberProperty());
    }

    /** One row per field that makes sense for the layout, each an editable chooser of the paths found. */
    private void showFields() {
        fields.getChildren().clear();
        List<Field> shown = MappingDialogModel.FIELDS.get(model.layoutProperty().get());
        for (int i = 0; i < shown.size(); i++) {
            Field field = shown.get(i);
            ComboBox<String> path = new ComboBox<>(model.knownPaths());
            path.setId("field-" + field.key());
            path.setEditable(true);
            path.setMaxWidth(Double.MAX_VALUE);
            path.setPromptText("not in the file");
            path.valueProperty().bindBidirectional(model.path(field));
            GridPane.setHgrow(path, Priority.ALWAYS);
            Label name = new Label(LABELS.get(field));
            name.setLabelFor(path);
            if (field == Field.TRACE || field == Field.CHILDREN) {
                name.setStyle("-fx-font-weight: bold");
            }
            fields.addRow(i, name, path);
        }
    }

    private static void column(
            TableColumn<MappingPreview.Row, String> column, Function<MappingPreview.Row, String> value) {
        column.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(value.apply(features.getValue())));
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    /** Says where records are in words. */
    private static final class Locations extends StringConverter<String> {
        @Override
        public String toString(String location) {
            if (location == null || location.equals(FieldMappings.FILE_RECORDS)) {
                return "The file's records (one per line, a list, or one object)";
            }
            if (location.equals(FieldMappings.KEYED_VALUES)) {
                return "The values of the top-level object, keyed by problem id";
            }
            return "The list in the field \u201c" + location + "\u201d";
        }

        @Override
        public String fromString(String text) {
            return text;
        }
    }

    /** Says what a record is in words. */
    private static final class Layouts extends StringConverter<Layout> {
        @Override
        public String toString(Layout layout) {
            if (layout == null) {
                return "";
            }
            return switch (layout) {
                case SAMPLES -> "One sample (a response to one problem)";
                case PROBLEMS -> "One problem, with lists of responses, answers, verdicts";
                case TREE -> "One search tree, its nodes nested in a children list";
            };
        }

        @Override
        public Layout fromString(String text) {
            return null;
        }
    }
}
