package dev.ponder.app.problems;

import dev.ponder.app.common.Figures;
import dev.ponder.app.common.Fxml;
import dev.ponder.app.common.TableColumns;
import dev.ponder.core.analysis.ProblemFilter;
import dev.ponder.core.analysis.ProblemRow;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;

/** The problems table of the selected run, with its filter bar and saved filters. */
public final class ProblemsView {
    private static final String ANY_TAG = "any tag";
    private static final List<String> MAJORITY = List.of("maj@N: any", "maj@N: right", "maj@N: wrong");
    private static final List<String> DIFFICULTY =
            List.of("any difficulty", "level 1 (easiest)", "level 2", "level 3", "level 4", "level 5 (hardest)");

    private final ProblemsViewModel viewModel;
    private final Parent root;
    private boolean updatingControls;

    @FXML
    private TableView<ProblemRow> table;

    @FXML
    private TextField textFilter;

    @FXML
    private ComboBox<String> majorityFilter;

    @FXML
    private ComboBox<String> difficultyFilter;

    @FXML
    private TextField minTokens;

    @FXML
    private TextField maxTokens;

    @FXML
    private CheckBox foundEarly;

    @FXML
    private CheckBox rightToWrong;

    @FXML
    private ComboBox<String> tagFilter;

    @FXML
    private MenuButton savedMenu;

    @FXML
    private Label status;

    /** Every active filter as a chip that removes it: the chart's mark and each condition of the filter. */
    @FXML
    private javafx.scene.layout.HBox chips;

    public ProblemsView(ProblemsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "Problems.fxml");
    }

    public Parent root() {
        return root;
    }

    public TableView<ProblemRow> table() {
        return table;
    }

    @FXML
    private void initialize() {
        columns();
        SortedList<ProblemRow> sorted = new SortedList<>(viewModel.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(
                new Label("No problems to show: choose a run in the run browser, or loosen the filter (Clear)."));
        viewModel.restrictionProperty().addListener((observable, before, after) -> showChips());
        viewModel.filterProperty().addListener((observable, before, after) -> showChips());
        showChips();
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> {
            if (row != null) {
                viewModel.selectedProperty().set(row);
            }
        });
        viewModel.selectedProperty().addListener((observable, before, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                int index = table.getSelectionModel().getSelectedIndex();
                if (index >= 0) {
                    table.scrollTo(Math.max(0, index - 3));
                }
            }
        });
        TableColumns.moveWithJk(table);
        status.textProperty().bind(viewModel.statusProperty());
        majorityFilter.getItems().setAll(MAJORITY);
        difficultyFilter.getItems().setAll(DIFFICULTY);
        showFilter(viewModel.filterProperty().get());
        textFilter.textProperty().addListener((observable, before, after) -> applyControls());
        majorityFilter.valueProperty().addListener((observable, before, after) -> applyControls());
        difficultyFilter.valueProperty().addListener((observable, before, after) -> applyControls());
        minTokens.textProperty().addListener((observable, before, after) -> applyControls());
        maxTokens.textProperty().addListener((observable, before, after) -> applyControls());
        foundEarly.selectedProperty().addListener((observable, before, after) -> applyControls());
        rightToWrong.selectedProperty().addListener((observable, before, after) -> applyControls());
        tagFilter.valueProperty().addListener((observable, before, after) -> applyControls());
        viewModel.filterProperty().addListener((observable, before, filter) -> showFilter(filter));
        viewModel.tagNames().addListener((ListChangeListener<String>) change -> offerTags());
        viewModel.savedFilters().addListener((ListChangeListener<String>) change -> fillSavedMenu());
        offerTags();
        fillSavedMenu();
    }

    private void columns() {
        List<TableColumn<ProblemRow, ?>> columns = new ArrayList<>();
        columns.add(TableColumns.text("Problem", 150, ProblemRow::key));
        columns.add(TableColumns.text("Question", 260, ProblemRow::question));
        columns.add(TableColumns.text("Gold", 70, ProblemRow::gold));
        columns.add(TableColumns.number("Samples", 62, ProblemRow::samples, value -> Figures.count((long) value)));
        columns.add(TableColumns.number("Pass rate", 70, ProblemRow::passRate, Figures::percent));
        TableColumn<ProblemRow, String> majority = TableColumns.text(
                "Majority",
                90,
                row -> row.majorityAnswer() == null
                        ? "—"
                        : row.majorityAnswer()
                                + (row.majorityCorrect() == null ? "" : row.majorityCorrect() ? "  ✓" : "  ✗"));
        TableColumns.markVerdicts(majority);
        columns.add(majority);
        columns.add(TableColumns.number("Margin", 62, ProblemRow::margin, Figures::percent));
        columns.add(TableColumns.number("Entropy", 62, ProblemRow::entropyBits, value -> Figures.number(value, 2)));
        columns.add(TableColumns.number("Mean tokens", 84, ProblemRow::meanTokens, value -> Figures.number(value, 0)));
        columns.add(TableColumns.number("Max tokens", 78, ProblemRow::maxTokens, value -> Figures.count((long) value)));
        columns.add(TableColumns.number("First correct at", 96, ProblemRow::firstCorrectAt, Figures::percent));
        columns.add(TableColumns.number(
                "Level", 48, ProblemRow::difficulty, value -> value < 0 ? "—" : String.valueOf((int) value)));
        TableColumn<ProblemRow, String> tags = TableColumns.text("Tags", 140, row -> String.join(", ", row.tags()));
        tags.getStyleClass().add("tags");
        columns.add(tags);
        table.getColumns().setAll(columns);
    }

    private void applyControls() {
        if (updatingControls) {
            return;
        }
        int majority = Math.max(0, majorityFilter.getSelectionModel().getSelectedIndex());
        int level = Math.max(0, difficultyFilter.getSelectionModel().getSelectedIndex());
        String tag = tagFilter.getValue();
        viewModel
                .filterProperty()
                .set(new ProblemFilter(
                        textFilter.getText(),
                        ProblemFilter.Majority.values()[majority],
                        level,
                        number(minTokens.getText()),
                        number(maxTokens.getText()),
                        foundEarly.isSelected(),
                        tag == null || tag.equals(ANY_TAG) ? null : tag,
                        rightToWrong.isSelected()));
    }

    private static Double number(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : Double.valueOf(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void showFilter(ProblemFilter filter) {
        updatingControls = true;
        try {
            textFilter.setText(filter.text());
            majorityFilter.getSelectionModel().select(filter.majority().ordinal());
            difficultyFilter.getSelectionModel().select(filter.difficulty());
            minTokens.setText(
                    filter.minTokens() == null
                            ? ""
                            : Figures.number(filter.minTokens(), 0).replace(",", ""));
            maxTokens.setText(
                    filter.maxTokens() == null
                            ? ""
                            : Figures.number(filter.maxTokens(), 0).replace(",", ""));
            foundEarly.setSelected(filter.foundEarly());
            rightToWrong.setSelected(filter.rightToWrong());
            tagFilter.setValue(filter.tag() == null ? ANY_TAG : filter.tag());
        } finally {
            updatingControls = false;
        }
    }

    private void offerTags() {
        String chosen = tagFilter.getValue();
        updatingControls = true;
        try {
            List<String> items = new ArrayList<>();
            items.add(ANY_TAG);
            items.addAll(viewModel.tagNames());
            tagFilter.getItems().setAll(items);
            tagFilter.setValue(chosen == null ? ANY_TAG : chosen);
        } finally {
            updatingControls = false;
        }
    }

    private void fillSavedMenu() {
        savedMenu.getItems().clear();
        for (String name : viewModel.savedFilters()) {
            MenuItem apply = new MenuItem(name);
            apply.setMnemonicParsing(false);
            apply.setOnAction(event -> viewModel.applySavedFilter(name));
            savedMenu.getItems().add(apply);
        }
        if (!viewModel.savedFilters().isEmpty()) {
            savedMenu.getItems().add(new SeparatorMenuItem());
        }
        MenuItem save = new MenuItem("Save Current Filter…");
        save.setId("save-filter");
        save.setOnAction(event -> askName());
        savedMenu.getItems().add(save);
        if (!viewModel.savedFilters().isEmpty()) {
            Menu delete = new Menu("Delete");
            for (String name : viewModel.savedFilters()) {
                MenuItem item = new MenuItem(name);
                item.setMnemonicParsing(false);
                item.setOnAction(event -> viewModel.deleteSavedFilter(name));
                delete.getItems().add(item);
            }
            savedMenu.getItems().add(delete);
        }
    }

    private void askName() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Save filter");
        dialog.setHeaderText("Save the current filter under a name");
        dialog.setContentText("Name:");
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.showAndWait().filter(name -> !name.isBlank()).ifPresent(viewModel::saveFilter);
    }

    @FXML
    private void clear() {
        viewModel.filterProperty().set(ProblemFilter.ALL);
        viewModel.restrictionProperty().set(null);
    }

    private void showChips() {
        chips.getChildren().clear();
        ProblemsViewModel.Restriction only = viewModel.restrictionProperty().get();
        if (only != null) {
            chips.getChildren()
                    .add(chip(
                            "chart: " + only.description(),
                            "Show every problem again",
                            () -> viewModel.restrictionProperty().set(null)));
        }
        ProblemFilter current = viewModel.filterProperty().get();
        for (ProblemFilter.Part part : current == null ? List.<ProblemFilter.Part>of() : current.parts()) {
            chips.getChildren()
                    .add(chip(
                            part.label(),
                            "Remove this condition",
                            () -> viewModel.filterProperty().set(part.without())));
        }
    }

    private static javafx.scene.control.Button chip(String label, String tip, Runnable remove) {
        javafx.scene.control.Button chip = new javafx.scene.control.Button(label + "  ✕");
        chip.getStyleClass().add("filter-chip");
        chip.setMnemonicParsing(false);
        chip.setTooltip(new javafx.scene.control.Tooltip(tip));
        chip.setOnAction(event -> remove.run());
        return chip;
    }
}
