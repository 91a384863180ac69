package dev.ponder.core.ingest;

import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runs that ship with Ponder (the repository's {@code sample-runs/}, bundled into the jar), which a
 * first start imports into the default workspace.
 */
public final class SampleRuns {
    static final String RESOURCE_DIR = "/dev/ponder/sample-runs";

    private SampleRuns() {}

    /**
     * Imports every bundled sample run the workspace does not hold yet, each in its own transaction, in
     * file-name order; returns what was imported.
     */
    public static List<ImportResult> importAll(Workspace workspace, TaskContext context) {
        URL url = SampleRuns.class.getResource(RESOURCE_DIR);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return importFrom(Path.of(uri), workspace, context);
            }
            FileSystem jar;
            boolean openedHere;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
                openedHere = true;
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
                openedHere = false;
            }
            try {
                return importFrom(jar.provider().getPath(uri), workspace, context);
            } finally {
                if (openedHere) {
                    jar.close();
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(
                    new IOException("cannot list the bundled sample runs: " + e.getMessage(), e));
        }
    }

    private static List<ImportResult> importFrom(Path directory, Workspace workspace, TaskContext context)
            throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        Importer importer = new Importer(workspace);
        List<ImportResult> results = new ArrayList<>();
        for (Path file : files) {
            context.checkCancelled();
            String sha256 = sha256(file);
            if (!workspace
                    .read(tables -> tables.runs().findBySourceSha256(sha256))
                    .isEmpty()) {
                continue; // already in this workspace: known by its hash without reading the run again
            }
            try {
                results.add(importer.importFile(file, ImportOptions.DEFAULT, context));
            } catch (AlreadyImportedException e) {
                // already in this workspace: nothing to do for this one
            }
        }
        return results;
    }

    private static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
