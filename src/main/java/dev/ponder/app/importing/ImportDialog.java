package dev.ponder.app.importing;

import dev.ponder.app.common.Fxml;
import dev.ponder.app.common.RunAttributeForm;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.model.RunAttribute;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The import dialog: the chosen files with how each will be read (override the format, leave a file out, map
 * the fields of one no reader knows), the run attributes to set, and how to count tokens and grade.
 */
public final class ImportDialog {
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    /** What the dialog needs from the window: a tokenizer file chooser, and the mapping dialog for a file. */
    public interface Helpers {
        Optional<Path> tokenizerFile(Window owner);

        /** Shows the mapping dialog for a file and returns the mapping the user made, if any. */
        Optional<FieldMapping> mapFields(PlannedFile file, Window owner);
    }

    private final ImportDialogModel model;
    private final Helpers helpers;
    private final Parent root;

    @FXML
    private Label summary;

    @FXML
    private TableView<ImportRow> table;

    @FXML
    private TableColumn<ImportRow, Boolean> includeColumn;

    @FXML
    private TableColumn<ImportRow, String> fileColumn;

    @FXML
    private TableColumn<ImportRow, String> sizeColumn;

    @FXML
    private TableColumn<ImportRow, String> formatColumn;

    @FXML
    private TableColumn<ImportRow, String> budgetColumn;

    @FXML
    private TableColumn<ImportRow, String> guessedColumn;

    @FXML
    private TableColumn<ImportRow, String> statusColumn;

    @FXML
    private Button mapFields;

    @FXML
    private StackPane attributesSlot;

    @FXML
    private ComboBox<String> tokenizer;

    @FXML
    private ComboBox<String> grader;

    @FXML
    private Label problem;

    private ImportDialog(ImportDialogModel model, Helpers helpers) {
        this.model = model;
        this.helpers = helpers;
        this.root = Fxml.load(this, "ImportDialog.fxml");
    }

    /** Shows the dialog and returns the files to import with their options, or nothing when cancelled. */
    public static Optional<List<FileImport>> show(Window owner, ImportDialogModel model, Helpers helpers) {
        ImportDialog view = new ImportDialog(model, helpers);
        Dialog<List<FileImport>> dialog = new Dialog<>();
        dialog.setTitle("Import Run Files");
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setContent(view.root);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, IMPORT);
        dialog.getDialogPane()
                .lookupButton(IMPORT)
                .disableProperty()
                .bind(model.canImportProperty().not());
        dialog.setResultConverter(button -> button == IMPORT ? model.imports() : null);
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(Bindings.concat("Import ", model.summaryProperty()));
        table.setItems(model.rows());
        table.setPrefHeight(Math.min(230, 36 + 25 * Math.max(2, model.rows().size())));
        includeColumn.setCellValueFactory(features -> features.getValue().includeProperty());
        includeColumn.setCellFactory(CheckBoxTableCell.forTableColumn(includeColumn));
        fileColumn.setCellValueFactory(
                features -> new ReadOnlyStringWrapper(features.getValue().fileName()));
        fileColumn.setCellFactory(
                column -> withTooltip(row -> row.planned().file().toString()));
        sizeColumn.setCellValueFactory(features -> new ReadOnlyStringWrapper(
                ImportDialogModel.size(features.getValue().planned().bytes())));
        formatColumn.setCellValueFactory(features -> features.getValue().formatProperty());
        formatColumn.setCellFactory(ComboBoxTableCell.forTableColumn(
                new NoneAsDash(), model.formats().toArray(String[]::new)));
        formatColumn.setOnEditCommit(edit -> {
            edit.getRowValue().formatProperty().set(edit.getNewValue());
            edit.getRowValue().includeProperty().set(true);
            if (edit.getRowValue().needsMapping()) {
                mapFields(edit.getRowValue());
            }
        });
        budgetColumn.setCellValueFactory(features -> features.getValue().budgetProperty());
        budgetColumn.setCellFactory(TextFieldTableCell.forTableColumn(new NoneAsDash()));
        guessedColumn.setCellValueFactory(features -> Bindings.createStringBinding(
                features.getValue()::guessed, features.getValue().plannedProperty()));
        statusColumn.setCellValueFactory(features -> Bindings.createStringBinding(
                features.getValue()::status,
                features.getValue().plannedProperty(),
                features.getValue().formatProperty()));
        statusColumn.setCellFactory(column -> withTooltip(row -> row.planned().problem()));
        table.getSelectionModel()
                .select(model.rows().stream()
                        .filter(ImportRow::needsMapping)
                        .findFirst()
                        .orElse(null));
        mapFields
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            ImportRow row = table.getSelectionModel().getSelectedItem();
                            return row == null
                                    || !row.planned().mappable()
                                            && row.planned().mapping() == null;
                        },
                        table.getSelectionModel().selectedItemProperty(),
                        model.rows()));

        Map<RunAttribute, StringProperty> values = new EnumMap<>(RunAttribute.class);
        Arrays.stream(RunAttribute.values()).forEach(attribute -> values.put(attribute, model.attribute(attribute)));
        List<RunAttribute> shown = model.single()
                ? List.of(RunAttribute.values())
                : Arrays.stream(RunAttribute.values())
                        .filter(attribute -> attribute != RunAttribute.NAME)
                        .toList();
        attributesSlot.getChildren().setAll(RunAttributeForm.of(shown, values, attribute -> switch (attribute) {
            case NAME -> "from the file";
            case GROUP -> "e.g. budget sweep A";
            case BUDGET -> "thinking tokens";
            default -> "as the file says";
        }));

        tokenizer.getItems().setAll(ImportDialogModel.ESTIMATES);
        tokenizer.setConverter(new TokenizerNames());
        tokenizer.valueProperty().bindBidirectional(model.tokenizerProperty());
        dev.ponder.app.common.FileDrop.accept(tokenizer, this::useTokenizer);
        grader.getItems().setAll(model.graders());
        grader.valueProperty().bindBidirectional(model.graderProperty());
        problem.textProperty().bind(model.problemProperty());
    }

    @FXML
    private void mapFields() {
        ImportRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            mapFields(row);
        }
    }

    private void mapFields(ImportRow row) {
        helpers.mapFields(row.planned(), window()).ifPresent(mapping -> {
            row.mapped(mapping);
            table.refresh();
        });
    }

    @FXML
    private void chooseTokenizer() {
        helpers.tokenizerFile(window()).ifPresent(this::useTokenizer);
    }

    private void useTokenizer(Path file) {
        String path = file.toString();
        if (!tokenizer.getItems().contains(path)) {
            tokenizer.getItems().add(path);
        }
        model.tokenizerProperty().set(path);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static TableCell<ImportRow, String> withTooltip(Function<ImportRow, String> tip) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                ImportRow row =
                        empty || getTableRow() == null ? null : getTableRow().getItem();
                String tooltip = row == null ? null : tip.apply(row);
                setTooltip(tooltip == null ? null : new Tooltip(tooltip));
            }
        };
    }

    /** Shows "—" for a value not known. */
    private static final class NoneAsDash extends StringConverter<String> {
        @Override
        public String toString(String value) {
            return value == null || value.isBlank() ? "—" : value;
        }

        @Override
        public String fromString(String text) {
            return text == null || text.isBlank() || text.equals("—") ? null : text.strip();
        }
    }

    /** Names the estimates for what they are; a tokenizer file by its path. */
    private static final class TokenizerNames extends StringConverter<String> {
        @Override
        public String toString(String value) {
            if (value == null) {
                return "";
            }
            return switch (value) {
                case "cl100k" -> "Estimate: cl100k encoding (default)";
                case "o200k" -> "Estimate: o200k encoding";
                default -> "Exact: " + Path.of(value).getFileName();
            };
        }

        @Override
        public String fromString(String text) {
            return text;
        }
    }
}
