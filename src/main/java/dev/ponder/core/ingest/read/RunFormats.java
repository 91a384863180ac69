package dev.ponder.core.ingest.read;

import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.UnrecognisedFileException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats Ponder reads, and which one a file is in. */
public final class RunFormats {
    private final List<RunReader> readers;

    public RunFormats(List<RunReader> readers) {
        this.readers = List.copyOf(readers);
    }

    public static RunFormats standard() {
        List<RunReader> records = List.of(
                new LmEvalReader(),
                new SearchAndLearnReader(),
                new SkyThoughtReader(),
                new OpenR1Reader(),
                new QwenMathReader(),
                new LimoEvalReader(),
                new LightevalReader(),
                new OpenAiChatReader(),
                new RStarReader(),
                new TreeLogReader(),
                new OmegaPrmReader(),
                new TotBfsReader(),
                new PonderColumnsReader());
        List<RunReader> all = new java.util.ArrayList<>();
        all.add(new PonderJsonlReader());
        all.add(new InspectReader());
        all.add(new ParquetReader(records));
        all.addAll(records);
        all.add(new GenericReader());
        return new RunFormats(all);
    }

    public List<RunReader> readers() {
        return readers;
    }

    /** The Parquet reader, which hands rows to the other readers. */
    public Optional<ParquetReader> parquet() {
        return readers.stream()
                .filter(ParquetReader.class::isInstance)
                .map(ParquetReader.class::cast)
                .findFirst();
    }

    public Optional<RunReader> byName(String format) {
        return readers.stream()
                .filter(reader -> reader.format().equalsIgnoreCase(format))
                .findFirst();
    }

    /** The reader for the named format, or the one that recognises the file's content. */
    public RunReader choose(String format, FileHead head) {
        if (format != null && !format.isBlank()) {
            RunReader named = byName(format)
                    .orElseThrow(() -> new ImportException(
                            head.fileName(), null, "unknown format '" + format + "'; known formats: " + names()));
            if (named instanceof GenericReader) {
                // A mapped Parquet file is still read by DuckDB, which hands its rows to the generic reader.
                return readers.stream()
                        .filter(reader -> reader instanceof ParquetReader && reader.recognises(head))
                        .findFirst()
                        .orElse(named);
            }
            return named;
        }
        if (head.isEmpty()) {
            throw new ImportException(head.fileName(), null, "the file is empty");
        }
        return readers.stream()
                .filter(reader -> reader.recognises(head))
                .findFirst()
                .orElseThrow(() -> new UnrecognisedFileException(
                        head.fileName(),
                        "not a run file Ponder recognises (" + describe(head) + "); known formats: "
                                + names() + ". Choose one with --format if the file is one of them, or map its "
                                + "fields with --map (see ponder import --help)."));
    }

    /**
     * What the file was read as, and why: "search-and-learn, from its fields completions, scores, pred_weighted@4, …",
     * "inspect, a ZIP with header.json", "lm-eval, as --format asked"; and when a long first record was judged from
     * its first 64 MB only, that.
     */
    public static String evidence(RunReader reader, String askedFormat, FileHead head) {
        String format = reader.format();
        if (GenericReader.FORMAT.equals(askedFormat)) {
            return format + ", through a field mapping";
        }
        if (askedFormat != null && !askedFormat.isBlank()) {
            return format + ", as asked";
        }
        byte[] b = head.bytes();
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K') {
            return format + ", a ZIP archive with its entries";
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'A' && b[2] == 'R' && b[3] == '1') {
            return format + ", a Parquet file with its columns";
        }
        java.util.Set<String> keys = JsonHead.of(head).keys();
        if (keys.isEmpty()) {
            return format;
        }
        List<String> first = keys.stream().limit(5).toList();
        return format + ", from its fields " + String.join(", ", first) + (keys.size() > 5 ? ", …" : "")
                + (head.capped() ? " (judged from the first 64 MB of its first record)" : "");
    }

    private String names() {
        return readers.stream().map(RunReader::format).collect(Collectors.joining(", "));
    }

    private static String describe(FileHead head) {
        String preview = preview(head);
        return preview.startsWith("\"") ? "it starts with " + preview : "it is " + preview;
    }

    /** The file's first text, quoted; for binary data (a ZIP, an image) what it is, never its raw bytes. */
    private static String preview(FileHead head) {
        byte[] b = head.bytes();
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return "a ZIP archive that is not an Inspect log";
        }
        String line = head.firstLine();
        long control = line.chars()
                .filter(c -> c == 0xFFFD || (Character.isISOControl(c) && c != '\t'))
                .count();
        if (control > 0) {
            return "binary data, not text";
        }
        return "\"" + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "\"";
    }
}
