package dev.ponder.app.runs;

import dev.ponder.app.common.RunAttributeForm;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunAttribute;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Edits a run's attributes after import: its name, model, strategy, budget, max tokens, temperature, seed,
 * group and notes. The parameters a file carried beyond these are listed and kept.
 */
final class EditRunDialog {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private EditRunDialog() {}

    /** Shows the dialog; returns the edited values, or nothing when cancelled. */
    static Optional<Map<RunAttribute, String>> show(Window owner, Run run) {
        Map<RunAttribute, StringProperty> values = new EnumMap<>(RunAttribute.class);
        for (RunAttribute attribute : RunAttribute.values()) {
            String value = attribute.of(run);
            values.put(attribute, new SimpleStringProperty(value == null ? "" : value));
        }
        StringBinding problem = Bindings.createStringBinding(
                () -> {
                    if (values.get(RunAttribute.NAME).get().isBlank()) {
                        return "A run needs a name";
                    }
                    return Arrays.stream(RunAttribute.values())
                            .map(attribute ->
                                    attribute.problem(values.get(attribute).get()))
                            .flatMap(Optional::stream)
                            .findFirst()
                            .orElse("");
                },
                values.values().toArray(Observable[]::new));

        Label problemLabel = new Label();
        problemLabel.getStyleClass().add("problem");
        problemLabel.setStyle("-fx-text-fill: -ponder-wrong");
        problemLabel.textProperty().bind(problem);
        VBox content =
                new VBox(12, RunAttributeForm.of(List.of(RunAttribute.values()), values, attribute -> "not set"));
        String others = run.params().entrySet().stream()
                .filter(entry -> RunAttribute.byKey(entry.getKey()).isEmpty())
                .map(entry -> entry.getKey() + " = " + entry.getValue())
                .collect(Collectors.joining(", "));
        if (!others.isEmpty()) {
            Label kept = new Label("Also from the file, kept as they are: " + others);
            kept.setWrapText(true);
            kept.setMaxWidth(640);
            kept.setStyle("-fx-text-fill: -ponder-text-muted");
            content.getChildren().add(kept);
        }
        content.getChildren().add(problemLabel);

        Dialog<Map<RunAttribute, String>> dialog = new Dialog<>();
        dialog.setTitle("Edit Run");
        dialog.setHeaderText("Edit \u201c" + run.name() + "\u201d");
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(680);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, SAVE);
        dialog.getDialogPane().lookupButton(SAVE).disableProperty().bind(problem.isNotEmpty());
        dialog.setResultConverter(button -> {
            if (button != SAVE) {
                return null;
            }
            Map<RunAttribute, String> edited = new EnumMap<>(RunAttribute.class);
            values.forEach((attribute, value) -> edited.put(attribute, value.get()));
            return edited;
        });
        return dialog.showAndWait();
    }
}
