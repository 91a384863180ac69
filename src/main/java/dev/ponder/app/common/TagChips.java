package dev.ponder.app.common;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/** Tags shown as removable chips, and the box to add one, offering the workspace's tags and common ones. */
public final class TagChips {
    /** Tags offered before the workspace has any. */
    public static final List<String> SUGGESTED =
            List.of("overthinking", "lucky guess", "grader error", "underthinking", "interesting");

    private TagChips() {}

    /** Keeps {@code pane} showing {@code tags}, each with a ✕ that calls {@code remove}. */
    public static void bind(FlowPane pane, ObservableList<String> tags, Consumer<String> remove) {
        Runnable redraw = () -> {
            pane.getChildren().clear();
            for (String tag : tags) {
                Button delete = new Button("✕");
                delete.setOnAction(event -> remove.accept(tag));
                delete.setFocusTraversable(false);
                delete.setTooltip(new javafx.scene.control.Tooltip("Remove the tag " + tag));
                HBox chip = new HBox(2, new Label(tag), delete);
                chip.setAlignment(Pos.CENTER_LEFT);
                chip.getStyleClass().add("tag-chip");
                pane.getChildren().add(chip);
            }
        };
        tags.addListener((ListChangeListener<String>) change -> redraw.run());
        redraw.run();
    }

    /** Makes {@code input} offer the known tags and common ones, and call {@code add} on Enter. */
    public static void offer(ComboBox<String> input, ObservableList<String> known, Consumer<String> add) {
        Runnable fill = () -> {
            LinkedHashSet<String> offered = new LinkedHashSet<>(known);
            offered.addAll(SUGGESTED);
            input.getItems().setAll(offered);
        };
        known.addListener((ListChangeListener<String>) change -> fill.run());
        fill.run();
        input.getEditor().setOnAction(event -> add(input, add));
    }

    /** Adds what the box holds, if anything, and empties it. */
    public static void add(ComboBox<String> input, Consumer<String> add) {
        String name = input.getEditor().getText();
        if (name == null || name.isBlank()) {
            name = input.getValue();
        }
        if (name != null && !name.isBlank()) {
            add.accept(name.strip());
            input.getEditor().clear();
            input.setValue(null);
        }
    }
}
