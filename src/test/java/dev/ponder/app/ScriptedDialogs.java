package dev.ponder.app;

import dev.ponder.app.shell.FileDialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** File choosers that answer what the test set up, since native dialogs cannot be driven headless. */
final class ScriptedDialogs implements FileDialogs {
    Path workspaceToOpen;
    Path folderToImport;
    List<Path> filesToImport = List.of();
    Path exportTo;

    @Override
    public Optional<Path> workspaceToOpen(Window owner) {
        return Optional.ofNullable(workspaceToOpen);
    }

    @Override
    public Optional<Path> newWorkspace(Window owner) {
        return Optional.empty();
    }

    @Override
    public List<Path> runFilesToImport(Window owner) {
        return filesToImport;
    }

    @Override
    public Optional<Path> folderToImport(Window owner) {
        return Optional.ofNullable(folderToImport);
    }

    @Override
    public Optional<Path> tokenizerFile(Window owner) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> jsonlToWrite(Window owner, String name) {
        return Optional.ofNullable(exportTo);
    }

    @Override
    public Optional<Path> figureToWrite(Window owner, String name) {
        return Optional.ofNullable(exportTo);
    }

    @Override
    public Optional<Path> folderToExportInto(Window owner) {
        return Optional.ofNullable(exportTo);
    }
}
