package dev.ponder.app.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Ponder's icon at every size it is drawn in (assets/icon, bundled under {@code dev/ponder/app/icons}): a window
 * gets them all, so the platform picks a sharp one for its title bar, task bar and scale (high-DPI screens).
 */
public final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private static List<Image> icons;

    private AppIcons() {}

    public static synchronized List<Image> all() {
        if (icons == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in =
                        AppIcons.class.getResourceAsStream("/dev/ponder/app/icons/ponder-" + size + ".png")) {
                    if (in != null) {
                        loaded.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // A missing size only costs sharpness at that size.
                }
            }
            icons = List.copyOf(loaded);
        }
        return icons;
    }

    /** The biggest icon, for the welcome and About. */
    public static Image largest() {
        List<Image> all = all();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public static void apply(Stage stage) {
        stage.getIcons().setAll(all());
    }
}
