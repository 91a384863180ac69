package dev.ponder.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.ingest.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
