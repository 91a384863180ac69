package dev.ponder.core.ingest;

import dev.ponder.core.analysis.RunData;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.read.RunFormats;
import dev.ponder.core.ingest.read.RunReader;
import dev.ponder.core.ingest.record.Enricher;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.FirstBytes;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSource;
import dev.ponder.core.store.RunWriter;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.tokens.TokenCounter;
import dev.ponder.core.tokens.TokenCounters;
import dev.ponder.core.trace.ThinkingSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Imports run files into a workspace, each file in one transaction: the run appears whole or not at all,
 * whether the import succeeds, fails, or is cancelled.
 */
public final class Importer {
    private final Workspace workspace;
    private final RunFormats formats;

    public Importer(Workspace workspace) {
        this(workspace, RunFormats.standard());
    }

    public Importer(Workspace workspace, RunFormats formats) {
        this.workspace = workspace;
        this.formats = formats;
    }

    public ImportResult importFile(Path file, ImportOptions options, TaskContext context) {
        return importFirst(file, -1, options, context);
    }

    /**
     * Imports the file's first {@code length} bytes (all of it when negative) as a new run: a file still being written,
     * up to its last complete line.
     */
    public ImportResult importFirst(Path file, long length, ImportOptions options, TaskContext context) {
        String fileName = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new ImportException(
                    fileName, null, Files.exists(file) ? "not a regular file" : "no such file: " + file);
        }
        long size;
        RunReader reader;
        String recognised;
        try {
            size = length < 0 ? Files.size(file) : Math.min(length, Files.size(file));
            FileHead head = FileHead.of(file);
            reader = formats.choose(options.format(), head);
            recognised = RunFormats.evidence(reader, options.format(), head);
        } catch (IOException e) {
            throw new ImportException(fileName, null, "cannot read the file: " + e.getMessage(), e);
        }
        Grader grader = grader(options, fileName);
        RunSource source = new RunSource(describe(file), reader.format(), null);
        long started = System.nanoTime();
        context.message("Importing " + fileName);
        try (TokenCounter tokens = tokenCounter(options, fileName)) {
            ReadContext read = new ReadContext(
                    fileName,
                    file,
                    new Enricher(new ThinkingSplitter(), new AnswerExtractor(), grader, tokens),
                    options.mapping());
            return workspace.write(tables -> {
                MessageDigest sha256 = sha256();
                try (RunWriter writer = tables.runWriter();
                        CountingInputStream counted =
                                new CountingInputStream(new FirstBytes(Files.newInputStream(file), size));
                        InputStream in = new DigestInputStream(counted, sha256)) {
                    WorkspaceSink sink =
                            new WorkspaceSink(writer, fileName, source, options, context, counted::count, size);
                    PipelinedRead.run(reader, in, read, sink);
                    sink.requireSomething();
                    in.transferTo(OutputStream.nullOutputStream());
                    String digest = HexFormat.of().formatHex(sha256.digest());
                    if (!options.again()) {
                        List<Run> earlier = tables.runs().findBySourceSha256(sink.contentSha256(digest)).stream()
                                .filter(run -> !sink.runIds().contains(run.id()))
                                .toList();
                        if (!earlier.isEmpty()) {
                            throw new AlreadyImportedException(fileName, earlier);
                        }
                        String evalId = sink.inspectEvalId();
                        List<Run> sameLog = evalId == null
                                ? List.of()
                                : tables.runs().findByParam(WorkspaceSink.INSPECT_EVAL_ID, evalId).stream()
                                        .filter(run -> !sink.runIds().contains(run.id()))
                                        .toList();
                        if (!sameLog.isEmpty()) {
                            throw new AlreadyImportedException(
                                    fileName, sameLog, "the same Inspect log, eval id " + evalId);
                        }
                    }
                    sink.finish(read.enricher(), digest);
                    sink.columns().forEach((runId, columns) -> RunData.keepColumns(workspace, runId, columns));
                    return new ImportResult(
                            sink.runId(),
                            sink.runName(),
                            reader.format(),
                            digest,
                            sink.problems(),
                            sink.samples(),
                            sink.treeNodes(),
                            sink.skippedCount(),
                            sink.skipped(),
                            size,
                            Duration.ofNanos(System.nanoTime() - started),
                            recognised,
                            sink.warningCount(),
                            sink.warnings(),
                            sink.runIds());
                } catch (IOException e) {
                    throw new ImportException(fileName, null, "cannot read the file: " + e.getMessage(), e);
                }
            });
        }
    }

    static Grader grader(ImportOptions options, String fileName) {
        if (options.grader() == null) {
            return Graders.MATH;
        }
        return Graders.byName(options.grader())
                .orElseThrow(() -> new ImportException(
                        fileName,
                        null,
                        "unknown grader '" + options.grader() + "'; known graders: "
                                + Graders.all().stream().map(Grader::name).toList()));
    }

    private static TokenCounter tokenCounter(ImportOptions options, String fileName) {
        try {
            return TokenCounters.named(options.tokenizer());
        } catch (UncheckedIOException e) {
            throw new ImportException(
                    fileName, null, "cannot use the tokenizer: " + e.getCause().getMessage(), e);
        }
    }

    /** The path as stored with the run: absolute on disk, a URI for files inside archives (the bundled samples). */
    private static String describe(Path file) {
        return file.getFileSystem() == FileSystems.getDefault()
                ? file.toAbsolutePath().normalize().toString()
                : file.toUri().toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
