package dev.ponder.core.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file all or nothing: into a temporary file beside it, moved into place once complete, so a failed or
 * cancelled export leaves neither a half-written file nor the temporary one.
 */
public final class AtomicFile {
    /** What fills the file. */
    public interface Content<T> {
        T write(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    public static <T> T write(Path out, Content<T> content) {
        Path target = out.toAbsolutePath();
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try {
            T result;
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                result = content.write(stream);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the export's own outcome is what matters
            }
        }
    }
}
