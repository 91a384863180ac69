package dev.ponder.core.replay;

import java.nio.file.Path;

/** The tiny reasoner that ships in assets/, loaded for tests that need a real engine. */
final class TinyModel {
    static final Path GGUF = Path.of("assets/models/tiny-reasoner/tiny-reasoner.gguf");

    private TinyModel() {}

    private static EmbeddedLlama shared;

    static EmbeddedLlama load() throws ReplayException {
        return EmbeddedLlama.load(new EmbeddedLlama.Settings(GGUF, 2, 1024, 2));
    }

    /** One model for every test class that only generates with it, loaded on first use; the test JVM's exit ends it. */
    static synchronized EmbeddedLlama shared() {
        if (shared == null) {
            try {
                shared = load();
            } catch (ReplayException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return shared;
    }
}
