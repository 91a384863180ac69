package dev.ponder.app.common;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.TransferMode;

/** Lets a field that names a file (a tokenizer, a GGUF model) take a file dropped on it from the file manager. */
public final class FileDrop {
    private FileDrop() {}

    /** A file dropped on {@code target} is handed to {@code take}; only the first of several counts. */
    public static void accept(Node target, Consumer<Path> take) {
        target.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        target.setOnDragDropped(event -> {
            boolean done = event.getDragboard().hasFiles()
                    && !event.getDragboard().getFiles().isEmpty();
            if (done) {
                take.accept(event.getDragboard().getFiles().get(0).toPath());
            }
            event.setDropCompleted(done);
            event.consume();
        });
    }
}
