package dev.ponder.app.runs;

import dev.ponder.app.common.Fxml;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.ExportService;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;

/** The table of runs on the left of the main window. */
public final class RunBrowserView {
    private final RunBrowserViewModel viewModel;
    private final Parent root;

    @FXML
    private TableView<RunSummary> table;

    @FXML
    private Label placeholder;

    @FXML
    private TableColumn<RunSummary, String> nameColumn;

    @FXML
    private TableColumn<RunSummary, String> budgetColumn;

    @FXML
    private TableColumn<RunSummary, String> groupColumn;

    @FXML
    private TableColumn<RunSummary, String> formatColumn;

    @FXML
    private TableColumn<RunSummary, String> modelColumn;

    @FXML
    private TableColumn<RunSummary, Number> problemsColumn;

    @FXML
    private TableColumn<RunSummary, Number> samplesColumn;

    @FXML
    private TableColumn<RunSummary, Double> accuracyColumn;

    public RunBrowserView(RunBrowserViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "RunBrowser.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        table.setItems(viewModel.runs());
        // while runs are being brought in, an empty list is not "no runs"
        placeholder
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> viewModel.fillingProperty().get().isEmpty()
                                ? "No runs in this workspace yet.\nImport a run file with File › Import Run Files… (Ctrl+I), "
                                        + "or drop files on this window."
                                : viewModel.fillingProperty().get(),
                        viewModel.fillingProperty()));
        nameColumn.setCellValueFactory(cell(summary -> summary.run().name()));
        // the runs of a sweep differ at the end of their names: cut in the middle, the whole name on hover
        nameColumn.setCellFactory(column -> new TableCell<>() {
            {
                setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            }

            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : name);
                setTooltip(empty || name == null ? null : new Tooltip(name));
            }
        });
        budgetColumn.setCellValueFactory(cell(summary -> summary.run().params().getOrDefault("budget", "")));
        groupColumn.setCellValueFactory(cell(summary -> summary.run().params().getOrDefault("group", "")));
        budgetColumn.setComparator(RunBrowserView::byNumber);
        formatColumn.setCellValueFactory(cell(summary -> summary.run().source().format()));
        modelColumn.setCellValueFactory(cell(
                summary -> summary.run().model() == null ? "—" : summary.run().model()));
        problemsColumn.setCellValueFactory(cell(RunSummary::problems));
        samplesColumn.setCellValueFactory(cell(RunSummary::samples));
        accuracyColumn.setCellValueFactory(cell(RunSummary::accuracy));
        problemsColumn.setCellFactory(
                column -> numberCell(value -> String.format(Locale.ROOT, "%,d", value.longValue())));
        samplesColumn.setCellFactory(
                column -> numberCell(value -> String.format(Locale.ROOT, "%,d", value.longValue())));
        accuracyColumn.setCellFactory(column -> numberCell(value -> String.format(Locale.ROOT, "%.1f%%", 100 * value)));

        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null || viewModel.runs().isEmpty()) {
                viewModel.selectedProperty().set(after);
            }
        });
        viewModel.selectedProperty().addListener((observable, before, after) -> {
            if (table.getSelectionModel().getSelectedItem() != after) {
                table.getSelectionModel().select(after);
            }
        });

        MenuItem edit = new MenuItem("Edit Run…");
        edit.setOnAction(event -> edit());
        Menu regrade = new Menu("Regrade With");
        CheckMenuItem follow = new CheckMenuItem("Follow Its File");
        follow.setOnAction(event -> {
            RunSummary run = viewModel.selectedProperty().get();
            if (run != null) {
                viewModel.followed().toggle(run.run());
            }
        });
        MenuItem export = new MenuItem("Export Run…");
        export.setOnAction(event -> exportRun());
        MenuItem agreement = new MenuItem("Grader Agreement…");
        agreement.setOnAction(event -> {
            RunSummary run = viewModel.selectedProperty().get();
            if (run != null) {
                new dev.ponder.app.compare.GraderAgreementView(
                                viewModel.agreement(run), root.getScene().getWindow())
                        .show();
            }
        });
        MenuItem compare = new MenuItem("Compare Runs…");
        compare.setOnAction(event -> compareSelected());
        MenuItem computeOptimal = new MenuItem("Compute-Optimal…");
        computeOptimal.setOnAction(event -> {
            List<RunSummary> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (!chosen.isEmpty()) {
                new dev.ponder.app.compute.ComputeView(
                                viewModel.compute(chosen), root.getScene().getWindow())
                        .show();
            }
        });
        MenuItem delete = new MenuItem("Delete Run…");
        delete.setOnAction(event -> confirmDelete());
        ContextMenu menu = new ContextMenu(
                edit, regrade, agreement, follow, compare, computeOptimal, export, new SeparatorMenuItem(), delete);
        // Ctrl/⌘-click a second run to compare two
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        menu.setOnShowing(event -> {
            fillRegradeMenu(regrade);
            RunSummary run = viewModel.selectedProperty().get();
            follow.setDisable(run == null || !viewModel.followed().canFollow(run.run()));
            follow.setSelected(run != null && viewModel.followed().isFollowed(run.run()));
            compare.setDisable(table.getSelectionModel().getSelectedItems().size() != 2);
            computeOptimal.setDisable(
                    table.getSelectionModel().getSelectedItems().isEmpty());
            agreement.setDisable(run == null);
            export.setDisable(run == null);
        });
        table.setContextMenu(menu);
        table.setRowFactory(view -> {
            TableRow<RunSummary> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    edit();
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                confirmDelete();
            }
        });
    }

    /** The two selected runs side by side: the one selected first is A. */
    private void compareSelected() {
        List<RunSummary> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (chosen.size() == 2) {
            new dev.ponder.app.compare.RunComparisonView(
                            viewModel.comparison(chosen.get(0), chosen.get(1)),
                            root.getScene().getWindow())
                    .show();
        }
    }

    /** Budgets sort as numbers, the blank ones last. */
    private static int byNumber(String a, String b) {
        return Double.compare(number(a), number(b));
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return Double.MAX_VALUE;
        }
    }

    /** The run as Ponder's JSONL, lm-eval's samples, or its per-sample columns as Parquet, by the filter chosen. */
    private void exportRun() {
        RunSummary run = viewModel.selectedProperty().get();
        if (run == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Run");
        FileChooser.ExtensionFilter ponder =
                new FileChooser.ExtensionFilter("Ponder run, imports back whole (*.jsonl)", "*.jsonl");
        FileChooser.ExtensionFilter lmEval =
                new FileChooser.ExtensionFilter("lm-evaluation-harness samples (*.jsonl)", "*.jsonl");
        FileChooser.ExtensionFilter parquet = new FileChooser.ExtensionFilter(
                "Per-sample columns for pandas, polars, DuckDB (*.parquet)", "*.parquet");
        chooser.getExtensionFilters().setAll(ponder, lmEval, parquet);
        chooser.setInitialFileName(run.run().name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".jsonl");
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            FileChooser.ExtensionFilter chosen = chooser.getSelectedExtensionFilter();
            ExportService.RunFormat format = chosen == parquet || file.getName().endsWith(".parquet")
                    ? ExportService.RunFormat.PARQUET
                    : chosen == lmEval ? ExportService.RunFormat.LM_EVAL : ExportService.RunFormat.PONDER;
            viewModel.exportRun(run.run(), format, file.toPath());
        }
    }

    private void edit() {
        RunSummary run = viewModel.selectedProperty().get();
        if (run != null) {
            EditRunDialog.show(root.getScene().getWindow(), run.run())
                    .ifPresent(edited -> viewModel.edit(run.run(), edited));
        }
    }

    /** The gradings to choose from, the run's own ticked. */
    private void fillRegradeMenu(Menu menu) {
        RunSummary run = viewModel.selectedProperty().get();
        menu.getItems().clear();
        if (run == null) {
            return;
        }
        for (Grading grading : Grading.offered()) {
            CheckMenuItem item = new CheckMenuItem(grading.label());
            item.setSelected(
                    grading.label().equalsIgnoreCase(String.valueOf(run.run().grader())));
            item.setOnAction(event -> viewModel.regrade(run.run(), grading));
            menu.getItems().add(item);
        }
    }

    private void confirmDelete() {
        RunSummary run = viewModel.selectedProperty().get();
        if (run == null) {
            return;
        }
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION,
                String.format(
                        Locale.ROOT,
                        "Delete \"%s\" with its %s from this workspace? The file it was imported from is not touched.",
                        run.run().name(),
                        dev.ponder.core.Plural.of(run.samples(), "sample")),
                ButtonType.CANCEL,
                ButtonType.OK);
        confirm.setHeaderText("Delete run");
        confirm.initOwner(root.getScene().getWindow());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> viewModel.deleteSelected());
    }

    private static <T>
            javafx.util.Callback<TableColumn.CellDataFeatures<RunSummary, T>, javafx.beans.value.ObservableValue<T>>
                    cell(Function<RunSummary, T> value) {
        return features -> new ReadOnlyObjectWrapper<>(value.apply(features.getValue()));
    }

    private static <T extends Number> TableCell<RunSummary, T> numberCell(Function<T, String> format) {
        TableCell<RunSummary, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value == null ? "—" : format.apply(value));
            }
        };
        cell.getStyleClass().add("number-cell");
        return cell;
    }
}
