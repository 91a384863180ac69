package dev.ponder.core.replay;

import java.nio.file.Path;

/** The tiny reasoner that ships in assets/, loaded for tests that need a real engine. */
final class TinyModel {
    static final Path GGUF = Path.of("assets/models/tiny-reasoner/tiny-reasoner.gguf");

    private TinyModel() {
    }

    static EmbeddedLlama load() throws ReplayException {
        return EmbeddedLlama.load(new EmbeddedLlama.Settings(GGUF, 2, 1024, 2));
    }
}
