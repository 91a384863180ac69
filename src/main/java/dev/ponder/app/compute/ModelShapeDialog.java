package dev.ponder.app.compute;

import dev.ponder.core.compute.ModelShape;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The numbers of a model's shape, edited: what FLOPs and Kinetics eFLOPs are counted from. */
final class ModelShapeDialog {
    private ModelShapeDialog() {}

    /** The shape as edited, or empty when cancelled or a number cannot be read. */
    static Optional<ModelShape> edit(ModelShape start, Window owner) {
        Dialog<ModelShape> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Model Shape");
        dialog.setHeaderText("The model's numbers the cost is counted from (0 where not known)");
        TextField name = new TextField(start.name());
        TextField parameters = field(start.parameters() / 1e9);
        TextField layers = field(start.layers());
        TextField hidden = field(start.hiddenSize());
        TextField heads = field(start.queryHeads());
        TextField kvHeads = field(start.kvHeads());
        TextField headDim = field(start.headDim());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        String[] labels = {
            "Name", "Parameters (billions, active)", "Layers", "Width d_model", "Query heads", "KV heads", "Head size"
        };
        TextField[] fields = {name, parameters, layers, hidden, heads, kvHeads, headDim};
        for (int i = 0; i < fields.length; i++) {
            grid.addRow(i, new Label(labels[i]), fields[i]);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            try {
                return new ModelShape(
                        name.getText(),
                        Double.parseDouble(parameters.getText().strip()) * 1e9,
                        Integer.parseInt(layers.getText().strip()),
                        Integer.parseInt(hidden.getText().strip()),
                        Integer.parseInt(heads.getText().strip()),
                        Integer.parseInt(kvHeads.getText().strip()),
                        Integer.parseInt(headDim.getText().strip()),
                        "entered");
            } catch (IllegalArgumentException e) { // a number that cannot be read, or a negative one
                return null;
            }
        });
        return dialog.showAndWait();
    }

    private static TextField field(double value) {
        TextField field = new TextField(
                value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.4g", value));
        field.setPrefColumnCount(10);
        return field;
    }
}
