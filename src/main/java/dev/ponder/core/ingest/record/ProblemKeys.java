package dev.ponder.core.ingest.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Problem identity across runs and tools. The same MATH-500 item is {@code doc_id 3} to lm-evaluation-harness
 * and {@code test/algebra/17.json} to search-and-learn, but its statement is the same: a problem with a
 * statement is keyed by a hash of it (whitespace collapsed), so five tools' runs of it meet in one problem.
 * Without a statement, the file's own id (qualified by the dataset, if known) is the key.
 */
public final class ProblemKeys {
    private ProblemKeys() {}

    public static String of(String question, String dataset, String fileId) {
        if (question != null && !question.isBlank()) {
            return "q:" + HexFormat.of().formatHex(sha256(question.strip().replaceAll("\\s+", " ")), 0, 10);
        }
        if (fileId == null || fileId.isBlank()) {
            throw new RecordException("the record names neither its problem's statement nor an id");
        }
        return dataset == null || dataset.isBlank() ? fileId : dataset + "/" + fileId;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
