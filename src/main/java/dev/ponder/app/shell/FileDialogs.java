package dev.ponder.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** The file choosers the main window needs; tests replace them, since native dialogs cannot be driven headless. */
public interface FileDialogs {
    Optional<Path> workspaceToOpen(Window owner);

    Optional<Path> newWorkspace(Window owner);

    List<Path> runFilesToImport(Window owner);

    /** A folder of run files, e.g. one run per budget of a sweep. */
    Optional<Path> folderToImport(Window owner);

    /** A model's {@code tokenizer.json}, to count tokens exactly. */
    Optional<Path> tokenizerFile(Window owner);

    /** Where to write a JSONL export, suggesting {@code name}. */
    Optional<Path> jsonlToWrite(Window owner, String name);

    /** Where to write a figure (PDF, SVG or PNG by its extension), suggesting {@code name}. */
    Optional<Path> figureToWrite(Window owner, String name);

    /** A folder to export every chart into. */
    Optional<Path> folderToExportInto(Window owner);
}
