package dev.ponder.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's own file choosers, starting where the user last was. */
public final class NativeFileDialogs implements FileDialogs {
    private static final FileChooser.ExtensionFilter WORKSPACES =
            new FileChooser.ExtensionFilter("Ponder workspaces (*.ponder)", "*.ponder");
    private static final FileChooser.ExtensionFilter RUN_FILES = new FileChooser.ExtensionFilter(
            "Run files (*.jsonl, *.json, *.eval, *.parquet, *.csv)",
            "*.jsonl",
            "*.json",
            "*.eval",
            "*.parquet",
            "*.csv");
    private static final FileChooser.ExtensionFilter TOKENIZERS =
            new FileChooser.ExtensionFilter("Hugging Face tokenizers (tokenizer.json)", "*.json");
    private static final FileChooser.ExtensionFilter ALL = new FileChooser.ExtensionFilter("All files", "*");

    private File lastDirectory;

    @Override
    public Optional<Path> workspaceToOpen(Window owner) {
        FileChooser chooser = chooser("Open Workspace", WORKSPACES, ALL);
        return remember(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> jsonlToWrite(Window owner, String name) {
        FileChooser chooser = chooser(
                "Export Tagged Samples", new FileChooser.ExtensionFilter("JSON Lines (*.jsonl)", "*.jsonl"), ALL);
        chooser.setInitialFileName(name);
        return remember(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> figureToWrite(Window owner, String name) {
        FileChooser chooser = chooser(
                "Export Chart",
                new FileChooser.ExtensionFilter("PDF (*.pdf)", "*.pdf"),
                new FileChooser.ExtensionFilter("SVG (*.svg)", "*.svg"),
                new FileChooser.ExtensionFilter("PNG (*.png)", "*.png"));
        chooser.setInitialFileName(name);
        return remember(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> folderToExportInto(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export Every Chart Into");
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> newWorkspace(Window owner) {
        FileChooser chooser = chooser("New Workspace", WORKSPACES);
        chooser.setInitialFileName("workspace.ponder");
        return remember(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public List<Path> runFilesToImport(Window owner) {
        List<File> files = chooser("Import Run Files", RUN_FILES, ALL).showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        remember(files.get(0));
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> folderToImport(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Import a Folder of Run Files");
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            lastDirectory = folder.getParentFile();
        }
        return Optional.ofNullable(folder).map(File::toPath);
    }

    @Override
    public Optional<Path> tokenizerFile(Window owner) {
        FileChooser chooser = chooser("Choose the Model's Tokenizer", TOKENIZERS, ALL);
        return remember(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(filters);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<File> remember(File chosen) {
        if (chosen != null) {
            lastDirectory = chosen.getParentFile();
        }
        return Optional.ofNullable(chosen);
    }
}
