package dev.ponder.core.ingest;

import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.model.Run;
import java.util.List;

/**
 * The file's exact content, or the same log in another file (an Inspect log as {@code .eval} and as {@code .json}),
 * was imported before; nothing was written. Import it again on purpose to proceed.
 */
public final class AlreadyImportedException extends ImportException {
    private final transient List<Run> earlier;

    public AlreadyImportedException(String file, List<Run> earlier) {
        this(file, earlier, "same SHA-256");
    }

    /** {@code why}: what makes it the same ("same SHA-256", "the same Inspect log, eval id …"). */
    public AlreadyImportedException(String file, List<Run> earlier, String why) {
        super(
                file,
                null,
                "this file was imported before, as " + describe(earlier) + " (" + why + "). Import it "
                        + "again on purpose to have it twice (ponder import --again).");
        this.earlier = List.copyOf(earlier);
    }

    /** The runs imported from the same content before. */
    public List<Run> earlier() {
        return earlier;
    }

    private static String describe(List<Run> runs) {
        Run first = runs.get(0);
        String name = "run " + first.id() + " \"" + first.name() + "\"";
        return runs.size() == 1 ? name : name + " and " + (runs.size() - 1) + " more";
    }
}
