package dev.ponder.app;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.security.AccessControlContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Dragboards holding files, as the platform hands them to a window when files are dropped on it from a file
 * manager. Headless tests have no platform drag and drop, so they fire drag events with one of these.
 */
final class FileDragboards {
    private FileDragboards() {}

    static Dragboard of(List<File> files) {
        Dragboard dragboard = DragboardHelper.createDragboard(new Peer());
        DragboardHelper.getPeer(dragboard).putContent(new Pair<>(DataFormat.FILES, files));
        return dragboard;
    }

    /** The clipboard behind the dragboard: content by format, offering to copy. */
    private static final class Peer implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        @Override
        @SuppressWarnings("removal")
        public void setSecurityContext(AccessControlContext context) {}

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            for (Pair<DataFormat, Object> pair : pairs) {
                content.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {}

        @Override
        public void setDragViewOffsetX(double offsetX) {}

        @Override
        public void setDragViewOffsetY(double offsetY) {}

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
