package dev.ponder.app.importing;

import dev.ponder.core.ingest.plan.ImportOptions;
import java.nio.file.Path;
import java.util.Objects;

/** One file to import, with everything the user chose for it. */
public record FileImport(Path file, ImportOptions options) {
    public FileImport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
    }

    /** The same file once more, even though its content is in the workspace already. */
    public FileImport again() {
        return new FileImport(file, options.evenIfImportedBefore());
    }
}
