package dev.ponder.core.ingest.read;

import dev.ponder.core.ingest.record.ImportException;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * A ZIP archive read entry by entry from its central directory, each entry streamed: stored, deflate, or zstd (method
 * 93, which current Inspect writes and the JDK cannot read). An entry whose path leads outside the archive is refused,
 * and so is one that inflates past the limits — more than {@link #maxEntryBytes} bytes, or more than
 * {@link #maxRatio} times its compressed size once past {@link #RATIO_FLOOR} — as soon as its declared size says so,
 * or, for an archive that lies about its sizes, as soon as the bytes read say so.
 */
public final class ZipArchive implements AutoCloseable {
    /** ZIP's method number for zstd. */
    public static final int ZSTD = 93;

    /** Below this many inflated bytes no entry is refused for its ratio: small, repetitive text compresses well. */
    static final long RATIO_FLOOR = 64L << 20;

    private final ZipFile zip;
    private final String fileName;
    private final long maxEntryBytes;
    private final long maxRatio;

    private ZipArchive(ZipFile zip, String fileName, long maxEntryBytes, long maxRatio) {
        this.zip = zip;
        this.fileName = fileName;
        this.maxEntryBytes = maxEntryBytes;
        this.maxRatio = maxRatio;
    }

    /**
     * Opens the archive with the limits set by the system properties {@code ponder.zip.max-entry-mb} (default 1024)
     * and {@code ponder.zip.max-ratio} (default 200).
     */
    public static ZipArchive open(Path file, String fileName) {
        return open(
                file,
                fileName,
                Long.getLong("ponder.zip.max-entry-mb", 1024) << 20,
                Long.getLong("ponder.zip.max-ratio", 200));
    }

    static ZipArchive open(Path file, String fileName, long maxEntryBytes, long maxRatio) {
        try {
            return new ZipArchive(ZipFile.builder().setPath(file).get(), fileName, maxEntryBytes, maxRatio);
        } catch (IOException e) {
            throw new ImportException(
                    fileName,
                    null,
                    "not a readable ZIP archive: its table of contents is missing or damaged (was the file cut "
                            + "short while copying?)",
                    e);
        }
    }

    /** Every entry, in the archive's order; an entry whose path leads outside the archive refuses the file. */
    public List<ZipArchiveEntry> entries() {
        List<ZipArchiveEntry> all = new ArrayList<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String name = entry.getName();
            if (name.startsWith("/")
                    || name.contains("\\")
                    || List.of(name.split("/")).contains("..")) {
                throw new ImportException(
                        fileName,
                        "entry \"" + name + "\"",
                        "the entry's path leads outside the archive; the file is refused as unsafe");
            }
            all.add(entry);
        }
        return all;
    }

    /** The entry named so, or null. */
    public ZipArchiveEntry entry(String name) {
        return zip.getEntry(name);
    }

    /** The entry's inflated bytes, streamed, counted against the limits. */
    public InputStream open(ZipArchiveEntry entry) throws IOException {
        String where = "entry \"" + entry.getName() + "\"";
        long compressed = entry.getCompressedSize();
        long declared = entry.getSize();
        if (declared >= 0) {
            refuseIfTooLarge(where, declared, compressed);
        }
        InputStream raw;
        int method = entry.getMethod();
        if (method == ZSTD) {
            raw = new ZstdInputStream(zip.getRawInputStream(entry));
        } else if (method == ZipMethod.STORED.getCode() || method == ZipMethod.DEFLATED.getCode()) {
            raw = zip.getInputStream(entry);
        } else {
            throw new ImportException(
                    fileName,
                    where,
                    "compressed with ZIP method " + method + " (" + methodName(method) + "), which Ponder cannot read; "
                            + "it reads stored, deflate and zstd entries");
        }
        return new Counted(raw, where, compressed, declared);
    }

    private void refuseIfTooLarge(String where, long inflated, long compressed) {
        if (inflated > maxEntryBytes) {
            throw new ImportException(
                    fileName,
                    where,
                    "it inflates to " + megabytes(inflated) + ", more than the " + megabytes(maxEntryBytes)
                            + " an entry may have; refused (a damaged or malicious archive?). Raise the limit with "
                            + "-Dponder.zip.max-entry-mb=N if the file is genuine.");
        }
        if (inflated > RATIO_FLOOR && compressed > 0 && inflated / compressed > maxRatio) {
            throw new ImportException(
                    fileName,
                    where,
                    "it inflates " + inflated / compressed + " times (" + megabytes(compressed) + " to "
                            + megabytes(inflated) + "), more than the " + maxRatio + " times a genuine log does; "
                            + "refused as a ZIP bomb. Raise the limit with -Dponder.zip.max-ratio=N if the file is "
                            + "genuine.");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    private static String methodName(int method) {
        ZipMethod known = ZipMethod.getMethodByCode(method);
        return known == null ? "unknown" : known.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** An entry's bytes, refused once they pass the limits or the size the archive declared. */
    private final class Counted extends FilterInputStream {
        private final String where;
        private final long compressed;
        private final long declared;
        private long read;

        Counted(InputStream in, String where, long compressed, long declared) {
            super(in);
            this.where = where;
            this.compressed = compressed;
            this.declared = declared;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (declared >= 0 && read > declared) {
                throw new ImportException(
                        fileName,
                        where,
                        "it inflates past the " + megabytes(declared) + " the archive declares for it; refused as "
                                + "damaged or malicious");
            }
            refuseIfTooLarge(where, read, compressed);
        }
    }
}
