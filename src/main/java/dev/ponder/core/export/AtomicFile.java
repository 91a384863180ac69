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

    /** What fills the file when a library writes it itself, given where to write. */
    public interface PathContent<T> {
        T write(Path temporary) throws IOException;
    }

    public static <T> T write(Path out, Content<T> content) {
        return writePath(out, temporary -> {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                return content.write(stream);
            }
        });
    }

    /** The same for content written to a path (DuckDB's {@code COPY ... TO}): a file beside it, moved into place. */
    public static <T> T writePath(Path out, PathContent<T> content) {
        Path target = out.toAbsolutePath();
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try {
            T result = content.write(temporary);
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
