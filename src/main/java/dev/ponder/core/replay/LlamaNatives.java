package dev.ponder.core.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where llama.cpp's binding unpacks its native library. The binding, on loading, deletes every file whose name starts
 * with {@code llama} or {@code jllama} in that folder (its own leftovers), and by default the folder is the system's
 * temporary folder, shared with other programs (a {@code llama-server.log} of theirs). So Ponder gives it a folder of
 * its own, before the binding is first touched.
 */
public final class LlamaNatives {
    /** The binding's system property for the folder. */
    public static final String PROPERTY = "de.kherud.llama.tmpdir";

    private LlamaNatives() {}

    /** Has the binding unpack into {@code folder}, unless a folder was chosen already (by the user, or earlier). */
    public static synchronized void keepIn(Path folder) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, folder.toAbsolutePath().toString());
        }
    }

    /** Makes sure the chosen folder exists: called just before the binding loads. */
    static synchronized void ready() {
        String folder = System.getProperty(PROPERTY);
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + " for llama.cpp's native library", e);
        }
    }
}
