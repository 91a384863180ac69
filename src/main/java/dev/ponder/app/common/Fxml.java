package dev.ponder.app.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML file, found next to the view's class, with the view itself as controller. */
public final class Fxml {
    private Fxml() {}

    public static Parent load(Object view, String fxmlName) {
        URL url = Objects.requireNonNull(
                view.getClass().getResource(fxmlName),
                () -> "missing " + fxmlName + " next to " + view.getClass().getName());
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
