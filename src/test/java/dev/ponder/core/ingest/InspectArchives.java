package dev.ponder.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.ingest.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes Inspect {@code .eval} archives for tests: the layout Inspect uses, filled from a {@code .json} log. */
final class InspectArchives {
    private InspectArchives() {}

    /** An archive with {@code _journal/start.json}, one entry per sample and epoch, and {@code header.json} last. */
    static Path write(Path archive, String jsonLog) throws IOException {
        JsonNode log = Json.MAPPER.readTree(jsonLog);
        ObjectNode header = log.deepCopy();
        header.remove("samples");
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(
                    zip,
                    "_journal/start.json",
                    Json.MAPPER
                            .createObjectNode()
                            .put("version", 2)
                            .set("eval", log.get("eval"))
                            .toString());
            for (JsonNode sample : log.get("samples")) {
                entry(
                        zip,
                        "samples/" + sample.get("id").asText() + "_epoch_"
                                + sample.get("epoch").asText() + ".json",
                        sample.toString());
            }
            entry(zip, "header.json", header.toString());
        }
        return archive;
    }

    /** The same layout as Inspect writes it today: every entry compressed with zstd (ZIP method 93). */
    static Path writeZstd(Path archive, String jsonLog) throws IOException {
        JsonNode log = Json.MAPPER.readTree(jsonLog);
        ObjectNode header = log.deepCopy();
        header.remove("samples");
        try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip =
                new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(archive)) {
            startAndSamples(zip, log);
            zstdEntry(zip, "header.json", header.toString().getBytes(StandardCharsets.UTF_8), -1);
        }
        return archive;
    }

    /**
     * As {@link #writeZstd}, with the per-sample summaries Inspect keeps apart from the samples: {@code summaries.json}
     * before {@code header.json} as a finished log has it, or, {@code journal}, in {@code _journal/summaries/N.json}
     * parts of {@code part} summaries as a log still being written has them.
     */
    static Path writeWithSummaries(Path archive, String jsonLog, boolean journal, int part) throws IOException {
        JsonNode log = Json.MAPPER.readTree(jsonLog);
        ObjectNode header = log.deepCopy();
        header.remove("samples");
        com.fasterxml.jackson.databind.node.ArrayNode summaries = Json.MAPPER.createArrayNode();
        for (JsonNode sample : log.get("samples")) {
            ObjectNode summary = summaries.addObject();
            for (String field : List.of("id", "epoch", "input", "target", "scores")) {
                if (sample.has(field)) {
                    summary.set(field, sample.get(field));
                }
            }
            summary.putObject("model_usage").set("m", sample.path("output").path("usage"));
            summary.put("completed", true);
        }
        try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip =
                new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(archive)) {
            startAndSamples(zip, log);
            if (journal) {
                for (int from = 0, n = 1; from < summaries.size(); from += part, n++) {
                    com.fasterxml.jackson.databind.node.ArrayNode chunk = Json.MAPPER.createArrayNode();
                    for (int i = from; i < Math.min(summaries.size(), from + part); i++) {
                        chunk.add(summaries.get(i));
                    }
                    zstdEntry(
                            zip,
                            "_journal/summaries/" + n + ".json",
                            chunk.toString().getBytes(StandardCharsets.UTF_8),
                            -1);
                }
            } else {
                zstdEntry(zip, "summaries.json", summaries.toString().getBytes(StandardCharsets.UTF_8), -1);
                zstdEntry(zip, "header.json", header.toString().getBytes(StandardCharsets.UTF_8), -1);
            }
        }
        return archive;
    }

    /** {@code _journal/start.json} and an entry per sample and epoch, zstd-compressed. */
    private static void startAndSamples(
            org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip, JsonNode log) throws IOException {
        String start = Json.MAPPER
                .createObjectNode()
                .put("version", 2)
                .set("eval", log.get("eval"))
                .toString();
        zstdEntry(zip, "_journal/start.json", start.getBytes(StandardCharsets.UTF_8), -1);
        for (JsonNode sample : log.get("samples")) {
            zstdEntry(
                    zip,
                    "samples/" + sample.get("id").asText() + "_epoch_"
                            + sample.get("epoch").asText() + ".json",
                    sample.toString().getBytes(StandardCharsets.UTF_8),
                    -1);
        }
    }

    /**
     * A zstd entry (method 93) of {@code content}, declaring {@code declaredSize} as its inflated size (-1: the true
     * one; another: the lie of a damaged or malicious archive).
     */
    static void zstdEntry(
            org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip,
            String name,
            byte[] content,
            long declaredSize)
            throws IOException {
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (io.airlift.compress.zstd.ZstdOutputStream out = new io.airlift.compress.zstd.ZstdOutputStream(packed)) {
            out.write(content);
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry =
                new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(name);
        entry.setMethod(93);
        entry.setSize(declaredSize < 0 ? content.length : declaredSize);
        entry.setCompressedSize(packed.size());
        entry.setCrc(crc.getValue());
        zip.addRawArchiveEntry(entry, new java.io.ByteArrayInputStream(packed.toByteArray()));
    }

    static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
