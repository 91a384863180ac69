package dev.ponder.core.replay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Ponder's own tiny reasoning model (assets/models/tiny-reasoner), the ready-to-use local model. It travels
 * inside the jar; llama.cpp needs a file, so it is copied once into the user's Ponder folder.
 */
public final class TinyReasoner {
    public static final String RESOURCE = "/dev/ponder/models/tiny-reasoner.gguf";
    public static final String FILE_NAME = "tiny-reasoner.gguf";

    private TinyReasoner() {}

    /** The model's file in {@code modelsDir}, copied there from the jar when missing or different. */
    public static Path locate(Path modelsDir) throws ReplayException {
        Path target = modelsDir.resolve(FILE_NAME);
        URL resource = TinyReasoner.class.getResource(RESOURCE);
        if (resource == null) {
            throw new ReplayException("This build of Ponder does not include the tiny model (" + RESOURCE + ").");
        }
        try {
            URLConnection connection = resource.openConnection();
            connection.setUseCaches(false); // a cached jar handle would stay open after the copy
            long size = connection.getContentLengthLong();
            if (Files.isRegularFile(target) && Files.size(target) == size && size > 0) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(FILE_NAME + ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new ReplayException("Cannot copy the tiny model to " + target + ": " + e.getMessage(), e);
        }
    }
}
