package dev.ponder.app.common;

import java.util.Comparator;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Table columns for figures: values sort as numbers (unknown last) and read as formatted text. */
public final class TableColumns {
    private TableColumns() {}

    /** A text column that sorts by the text, ignoring case. */
    public static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        return column;
    }

    /** A number column: sorts by value with unknown (NaN) values last, shows {@code format}'s text right-aligned. */
    public static <T> TableColumn<T, Double> number(
            String title, double width, ToDoubleFunction<T> value, DoubleFunction<String> format) {
        TableColumn<T, Double> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(cell.getValue())));
        column.setComparator(TableColumns::compareKnownFirst);
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        column.getStyleClass().add("number");
        return column;
    }

    /**
     * Colours a text column's cells by the verdict mark they end with: ✓ as right, ✗ as wrong (style classes
     * {@code verdict-right}, {@code verdict-wrong}).
     */
    public static <T> void markVerdicts(TableColumn<T, String> column) {
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("verdict-right", "verdict-wrong");
                if (!empty && item != null && (item.endsWith("✓") || item.endsWith("✗"))) {
                    getStyleClass().add(item.endsWith("✓") ? "verdict-right" : "verdict-wrong");
                }
            }
        });
    }

    /** Lets j and k move the selection down and up a table, as the arrow keys do, keeping a few rows above in view. */
    public static void moveWithJk(TableView<?> table) {
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.isShortcutDown()
                    || event.getCode() != KeyCode.J && event.getCode() != KeyCode.K
                    || table.getItems().isEmpty()) {
                return;
            }
            int at = table.getSelectionModel().getSelectedIndex() + (event.getCode() == KeyCode.J ? 1 : -1);
            int row = Math.max(0, Math.min(table.getItems().size() - 1, at));
            table.getSelectionModel().clearAndSelect(row);
            table.scrollTo(Math.max(0, row - 3));
            event.consume();
        });
    }

    private static int compareKnownFirst(Double a, Double b) {
        boolean aUnknown = a == null || a.isNaN();
        boolean bUnknown = b == null || b.isNaN();
        if (aUnknown || bUnknown) {
            return Boolean.compare(aUnknown, bUnknown);
        }
        return Double.compare(a, b);
    }
}
