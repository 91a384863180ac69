package dev.ponder.app;

import java.util.Comparator;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Table columns for figures: values sort as numbers (unknown last) and read as formatted text. */
public final class TableColumns {
    private TableColumns() {
    }

    /** A text column that sorts by the text, ignoring case. */
    public static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        return column;
    }

    /** A number column: sorts by value with unknown (NaN) values last, shows {@code format}'s text right-aligned. */
    public static <T> TableColumn<T, Double> number(String title, double width, ToDoubleFunction<T> value,
                                                    DoubleFunction<String> format) {
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

    private static int compareKnownFirst(Double a, Double b) {
        boolean aUnknown = a == null || a.isNaN();
        boolean bUnknown = b == null || b.isNaN();
        if (aUnknown || bUnknown) {
            return Boolean.compare(aUnknown, bUnknown);
        }
        return Double.compare(a, b);
    }
}
