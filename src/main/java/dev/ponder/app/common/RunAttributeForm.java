package dev.ponder.app.common;

import dev.ponder.core.model.RunAttribute;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The fields for a run's attributes, two columns wide, each bound to a string property: used where runs are
 * imported and where they are edited. Each field has the id {@code attribute-KEY}.
 */
public final class RunAttributeForm {
    /** Strategies researchers name most; any other text is fine too. */
    public static final List<String> STRATEGIES = List.of(
            "sampling",
            "majority-vote",
            "best-of-n",
            "weighted-best-of-n",
            "beam-search",
            "dvts",
            "mcts",
            "budget-forcing",
            "multi-round",
            "self-refine");

    private RunAttributeForm() {}

    /**
     * A grid with a field per attribute in {@code shown}.
     *
     * @param prompt what a blank field means for an attribute, shown greyed inside it
     */
    public static GridPane of(
            List<RunAttribute> shown, Map<RunAttribute, StringProperty> values, Function<RunAttribute, String> prompt) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints label = new ColumnConstraints();
        ColumnConstraints field = new ColumnConstraints(160, 220, Double.MAX_VALUE, Priority.ALWAYS, null, true);
        grid.getColumnConstraints().setAll(label, field, label, field);
        for (int i = 0; i < shown.size(); i++) {
            RunAttribute attribute = shown.get(i);
            Control input = input(attribute, values.get(attribute));
            input.setId("attribute-" + attribute.key());
            String hint = prompt.apply(attribute);
            if (input instanceof TextField text) {
                text.setPromptText(hint);
            } else if (input instanceof ComboBox<?> combo) {
                combo.setPromptText(hint);
            }
            input.setTooltip(new Tooltip(attribute.label() + " (" + attribute.key() + ")"));
            Label name = new Label(attribute.label());
            name.setLabelFor(input);
            grid.add(name, (i % 2) * 2, i / 2);
            grid.add(input, (i % 2) * 2 + 1, i / 2);
        }
        return grid;
    }

    private static Control input(RunAttribute attribute, StringProperty value) {
        if (attribute == RunAttribute.STRATEGY) {
            ComboBox<String> strategy = new ComboBox<>();
            strategy.getItems().setAll(STRATEGIES);
            strategy.setEditable(true);
            strategy.setMaxWidth(Double.MAX_VALUE);
            strategy.valueProperty().bindBidirectional(value);
            // An editable combo box commits typed text only on Enter; follow the text as it is typed.
            strategy.getEditor().textProperty().addListener((observable, before, typed) -> value.set(typed));
            return strategy;
        }
        TextField text = new TextField();
        text.textProperty().bindBidirectional(value);
        return text;
    }
}
