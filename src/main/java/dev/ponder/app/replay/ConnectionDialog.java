package dev.ponder.app.replay;

import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.PromptTemplate;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Adds or edits a saved model connection: an OpenAI-compatible server (base URL, model, the environment variable
 * holding its key, or a key kept in the owner-only settings file) or a GGUF file run in-process; Test Connection
 * lists the server's models or loads the file.
 */
public final class ConnectionDialog {
    private ConnectionDialog() {}

    public static void show(Window owner, ReplayConnections viewModel) {
        Dialog<ModelConnection> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Model Connections");
        dialog.setHeaderText("Save a model to replay against. Keys are read from the environment variable when set;"
                + "\na key typed here is kept only in Ponder's owner-only settings file.");
        ComboBox<String> existing = new ComboBox<>();
        viewModel.all().forEach(c -> existing.getItems().add(c.name()));
        existing.setPromptText("new connection");
        existing.setId("connection-existing");
        TextField name = field("connection-name", "e.g. vLLM on the lab box");
        ChoiceBox<ModelConnection.Kind> kind = new ChoiceBox<>();
        kind.getItems().setAll(ModelConnection.Kind.values());
        kind.setValue(ModelConnection.Kind.OPENAI_COMPATIBLE);
        TextField baseUrl = field("connection-url", "http://localhost:8000/v1 (replicas: several, spaced)");
        TextField stall = field("connection-stall", "60");
        stall.setPrefColumnCount(6);
        TextField model = field("connection-model", "the server's model name");
        TextField keyVariable = field("connection-key-env", "e.g. OPENAI_API_KEY");
        PasswordField key = new PasswordField();
        key.setPromptText("or type the key (kept in settings, owner-only)");
        TextField gguf = field("connection-gguf", "/path/to/model.gguf, or drop the file here");
        dev.ponder.app.common.FileDrop.accept(gguf, file -> {
            gguf.setText(file.toString());
            kind.setValue(ModelConnection.Kind.EMBEDDED);
        });
        javafx.scene.control.CheckBox chat =
                new javafx.scene.control.CheckBox("Chat completions (for servers without /v1/completions)");
        chat.setId("connection-chat");
        ChoiceBox<String> template = new ChoiceBox<>();
        PromptTemplate.BUILT_IN.forEach(t -> template.getItems().add(t.name()));
        template.setValue(PromptTemplate.CHATML.name());
        Label result = new Label();
        result.setWrapText(true);
        result.setMaxWidth(460);
        result.setId("connection-result");
        result.setStyle("-fx-font-family: monospace;");
        // A report of several lines (or of several servers) grows the dialog instead of being cut to one line.
        result.textProperty().addListener((o, before, now) -> {
            if (dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });

        existing.valueProperty()
                .addListener((o, b, chosen) -> viewModel.all().stream()
                        .filter(c -> c.name().equals(chosen))
                        .findFirst()
                        .ifPresent(c -> {
                            name.setText(c.name());
                            kind.setValue(c.kind());
                            baseUrl.setText(c.baseUrl());
                            model.setText(c.model());
                            keyVariable.setText(c.apiKeyEnv());
                            key.setText(c.apiKey());
                            gguf.setText(c.gguf());
                            template.setValue(c.template());
                            chat.setSelected(c.chat());
                            stall.setText(c.stallSeconds() == 0 ? "" : String.valueOf(c.stallSeconds()));
                        }));
        Runnable showKind = () -> {
            boolean server = kind.getValue() == ModelConnection.Kind.OPENAI_COMPATIBLE;
            baseUrl.setDisable(!server);
            model.setDisable(!server);
            keyVariable.setDisable(!server);
            key.setDisable(!server);
            chat.setDisable(!server);
            stall.setDisable(!server);
            gguf.setDisable(server);
        };
        kind.valueProperty().addListener((o, b, k) -> showKind.run());
        showKind.run();

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        String[] labels = {
            "Edit",
            "Name",
            "Kind",
            "Base URL",
            "Model",
            "Key variable",
            "Key",
            "API",
            "Stalled after (s)",
            "GGUF file",
            "Template"
        };
        javafx.scene.Node[] fields = {
            existing, name, kind, baseUrl, model, keyVariable, key, chat, stall, gguf, template
        };
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(labels[i]), fields[i]);
        }
        Button test = new Button("Test Connection");
        test.setId("connection-test");
        grid.add(test, 1, labels.length);
        grid.add(result, 0, labels.length + 1, 2, 1);
        dialog.getDialogPane().setContent(grid);

        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(delete, ButtonType.CLOSE, save);
        java.util.function.Supplier<ModelConnection> made = () -> new ModelConnection(
                name.getText().strip(),
                kind.getValue(),
                blankToNull(gguf.getText()),
                blankToNull(baseUrl.getText()),
                blankToNull(model.getText()),
                blankToNull(keyVariable.getText()),
                blankToNull(key.getText()),
                template.getValue(),
                0,
                0,
                chat.isSelected(),
                seconds(stall.getText()));
        test.setOnAction(event -> {
            try {
                result.setText("Testing …");
                viewModel.test(made.get(), result::setText);
            } catch (IllegalArgumentException e) {
                result.setText(e.getMessage());
            }
        });
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            try {
                viewModel.save(made.get());
            } catch (IllegalArgumentException e) {
                result.setText(e.getMessage());
                event.consume();
            }
        });
        Button deleteButton = (Button) dialog.getDialogPane().lookupButton(delete);
        deleteButton.addEventFilter(
                javafx.event.ActionEvent.ACTION,
                event -> viewModel.all().stream()
                        .filter(c -> c.name().equals(name.getText().strip()))
                        .findFirst()
                        .ifPresent(viewModel::delete));
        dialog.showAndWait();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(28);
        return field;
    }

    /** The stall time typed: blank for the default. */
    private static int seconds(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The stall time is a whole number of seconds (blank for 60): how long a stream may send nothing "
                            + "before it is tried again.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
