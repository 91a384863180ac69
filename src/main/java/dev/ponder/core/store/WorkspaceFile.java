package dev.ponder.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Recognises a Ponder workspace from the first bytes of its file, before SQLite touches it, so that
 * opening a foreign file can never change it.
 */
final class WorkspaceFile {
    /** {@code PRAGMA application_id} of every Ponder workspace: "POND" in ASCII. */
    static final int APPLICATION_ID = 0x504F4E44;

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;
    private static final int APPLICATION_ID_OFFSET = 68;

    private WorkspaceFile() {}

    /** Throws a {@link WorkspaceException} unless {@code file} exists and is a Ponder workspace. */
    static void checkIsWorkspace(Path file) {
        if (!Files.exists(file)) {
            throw new WorkspaceException(
                    WorkspaceException.Reason.NOT_FOUND, file, "There is no workspace at " + file + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw notAWorkspace(file, "it is not a regular file");
        }
        byte[] header = new byte[HEADER_SIZE];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, HEADER_SIZE);
        } catch (IOException e) {
            throw new WorkspaceException(
                    WorkspaceException.Reason.FAILED, file, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            throw notAWorkspace(file, "the file is empty");
        }
        if (read < HEADER_SIZE
                || !Arrays.equals(header, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
            throw notAWorkspace(file, "it is not an SQLite database");
        }
        int applicationId = ByteBuffer.wrap(header, APPLICATION_ID_OFFSET, 4).getInt();
        if (applicationId != APPLICATION_ID) {
            throw notAWorkspace(file, "it is an SQLite database of another application");
        }
    }

    /**
     * Whether {@code file} is an empty file with no write-ahead log holding data beside it: nothing was ever written
     * to it, so it can be made a new workspace without losing anything.
     */
    static boolean isEmptyLeftover(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != 0) {
                return false;
            }
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return !Files.exists(wal) || Files.size(wal) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static WorkspaceException notAWorkspace(Path file, String why) {
        return new WorkspaceException(
                WorkspaceException.Reason.NOT_A_WORKSPACE,
                file,
                file.getFileName() + " is not a Ponder workspace: " + why + ". It was left unchanged.");
    }
}
