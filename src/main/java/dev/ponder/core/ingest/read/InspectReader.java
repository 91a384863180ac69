package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.json.JsonFields;
import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.json.JsonLists;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.ProblemKeys;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RecordException;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleDraft;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Inspect AI evaluation logs: the {@code .eval} ZIP ({@code header.json} or {@code _journal/start.json}, then
 * {@code samples/<id>_epoch_<n>.json}) and the older single {@code .json}. Each epoch of a sample is one
 * Ponder sample. Reasoning is a {@code {"type": "reasoning"}} content block or, in older logs, the
 * message's {@code reasoning} field; {@code attachment://} references are resolved from the sample's
 * attachments. The first scorer's value is the verdict ({@code C} correct, {@code I} incorrect, or a
 * number 0/1) and its {@code answer} the extracted answer.
 */
public final class InspectReader implements RunReader {
    public static final String FORMAT = "inspect";
    private static final Pattern ATTACHMENT = Pattern.compile("attachment://([0-9a-f]+)");
    private static final Pattern SAMPLE_ENTRY = Pattern.compile("samples/(.+)_epoch_(\\d+)\\.json");
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Inspect AI log (.eval ZIP or .json)";
    }

    @Override
    public boolean recognises(FileHead head) {
        if (isZip(head.bytes())) {
            String names = new String(head.bytes(), StandardCharsets.ISO_8859_1);
            return names.contains("_journal/start.json") || names.contains("header.json") || names.contains("samples/");
        }
        JsonHead json = JsonHead.of(head);
        return json.has("eval") && json.hasAny("version", "samples", "status");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        if (isZip(in.readNBytes(ZIP_MAGIC.length))) {
            readZip(in, context, sink);
        } else {
            readJson(context, sink);
        }
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= ZIP_MAGIC.length
                && bytes[0] == ZIP_MAGIC[0]
                && bytes[1] == ZIP_MAGIC[1]
                && bytes[2] == ZIP_MAGIC[2]
                && bytes[3] == ZIP_MAGIC[3];
    }

    /**
     * Reads only what an {@code .eval} log keeps apart from its samples: the header and the per-sample summaries
     * ({@code summaries.json}, or while the evaluation runs {@code _journal/summaries/N.json}), each summary handed
     * over as its sample without the model's text (its id, epoch, input, target and scores are the sample's). A few
     * small entries of the ZIP, however large the log: what Inspect's own viewer shows first. False when the file is
     * no {@code .eval} or has no summaries; nothing is read then.
     */
    public boolean readSummaries(ReadContext context, SampleSink sink) throws IOException {
        byte[] magic;
        try (InputStream in = java.nio.file.Files.newInputStream(context.file())) {
            magic = in.readNBytes(ZIP_MAGIC.length);
        }
        if (!isZip(magic)) {
            return false;
        }
        String fileName = context.fileName();
        try (ZipArchive zip = ZipArchive.open(context.file(), fileName)) {
            List<ZipArchiveEntry> parts = new ArrayList<>();
            ZipArchiveEntry whole = zip.entry("summaries.json");
            if (whole != null) {
                parts.add(whole);
            } else {
                for (ZipArchiveEntry entry : zip.entries()) {
                    if (entry.getName().startsWith("_journal/summaries/")
                            && entry.getName().endsWith(".json")) {
                        parts.add(entry);
                    }
                }
                parts.sort(Comparator.comparing(ZipArchiveEntry::getName, new NaturalOrder()));
            }
            ZipArchiveEntry header = header(zip);
            if (parts.isEmpty() || header == null) {
                return false;
            }
            JsonNode eval = parse(zip, header, fileName).path("eval");
            sink.run(header(eval));
            for (ZipArchiveEntry part : parts) {
                int index = 0;
                for (JsonNode summary : parse(zip, part, fileName)) {
                    deliver(summary, eval, "summary " + (++index) + " of \"" + part.getName() + "\"", context, sink);
                }
            }
            return true;
        }
    }

    /**
     * Reads the archive's entries where they lie, and moves {@code in} (the file as the importer streams it, to hash it
     * and tell how far the import has come) past each sample's entry once that sample is read.
     */
    private void readZip(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        long[] streamed = {ZIP_MAGIC.length};
        String fileName = context.fileName();
        try (ZipArchive zip = ZipArchive.open(context.file(), fileName)) {
            List<ZipArchiveEntry> samples = new ArrayList<>();
            for (ZipArchiveEntry entry : zip.entries()) {
                if (SAMPLE_ENTRY.matcher(entry.getName()).matches()) {
                    samples.add(entry);
                }
            }
            ZipArchiveEntry header = header(zip);
            if (header == null) {
                throw new ImportException(
                        fileName,
                        null,
                        "the ZIP is not an Inspect log: it has neither header.json nor _journal/start.json");
            }
            JsonNode eval = parse(zip, header, fileName).path("eval");
            sink.run(header(eval));
            samples.sort(Comparator.comparing(ZipArchiveEntry::getName, new NaturalOrder()));
            for (ZipArchiveEntry entry : samples) {
                String location = "entry \"" + entry.getName() + "\"";
                JsonNode sample;
                try {
                    sample = parse(zip, entry, fileName);
                } catch (ImportException e) {
                    sink.skipped(location, e.location() == null ? e.getMessage() : reason(e));
                    continue;
                }
                deliver(sample, eval, location, context, sink);
                streamed[0] = streamTo(in, streamed[0], entry.getDataOffset() + entry.getCompressedSize());
            }
        }
    }

    /** The entry holding the eval's header: {@code header.json} once finished, else the journal's start. */
    private static ZipArchiveEntry header(ZipArchive zip) {
        ZipArchiveEntry header = zip.entry("header.json");
        return header != null ? header : zip.entry("_journal/start.json");
    }

    /** Reads {@code in} on from {@code position} up to {@code target} (never back); returns where it now is. */
    private static long streamTo(InputStream in, long position, long target) throws IOException {
        long at = position;
        byte[] buffer = new byte[1 << 16];
        while (at < target) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, target - at));
            if (read < 0) {
                break;
            }
            at += read;
        }
        return at;
    }

    /** An import exception's sentence without the file and place, which the skipped record names already. */
    private static String reason(ImportException e) {
        String message = e.getMessage();
        String prefix = e.file() + ", " + e.location() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private void readJson(ReadContext context, SampleSink sink) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(context.file());
                JsonParser parser = Json.FACTORY.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException(
                        context.fileName(), JsonRecords.location(parser), "expected an Inspect log object");
            }
            JsonNode eval = null;
            int index = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("eval")) {
                    eval = parser.readValueAsTree();
                    sink.run(header(eval));
                } else if (field.equals("samples") && value == JsonToken.START_ARRAY) {
                    if (eval == null) {
                        throw new ImportException(
                                context.fileName(),
                                JsonRecords.location(parser),
                                "the samples come before the log's 'eval' section");
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        String location = "sample " + (++index) + " (" + JsonRecords.location(parser) + ")";
                        deliver(parser.readValueAsTree(), eval, location, context, sink);
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (eval == null) {
                throw new ImportException(context.fileName(), null, "the log has no 'eval' section");
            }
        }
    }

    private static JsonNode parse(ZipArchive zip, ZipArchiveEntry entry, String fileName) throws IOException {
        try (InputStream in = zip.open(entry)) {
            return Json.MAPPER.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ImportException(
                    fileName, "entry \"" + entry.getName() + "\"", "not valid JSON: " + Json.reason(e), e);
        }
    }

    private static RunHeader header(JsonNode eval) {
        Map<String, String> params = new HashMap<>();
        for (String field : List.of("task", "task_id", "run_id", "eval_id", "created")) {
            if (eval.hasNonNull(field)) {
                params.put("inspect_" + field, eval.get(field).asText());
            }
        }
        eval.path("model_generate_config").fields().forEachRemaining(setting -> {
            if (setting.getValue().isValueNode() && !setting.getValue().isNull()) {
                params.put(setting.getKey(), setting.getValue().asText());
            }
        });
        if (eval.path("config").hasNonNull("epochs")) {
            params.put("epochs", eval.path("config").get("epochs").asText());
        }
        return new RunHeader(JsonFields.text(eval, "task"), JsonFields.text(eval, "model"), null, params, null, null);
    }

    private static void deliver(JsonNode sample, JsonNode eval, String location, ReadContext context, SampleSink sink) {
        try {
            sample(sample, eval, context, sink);
        } catch (RecordException | IllegalArgumentException e) {
            sink.skipped(location, e.getMessage());
        }
    }

    private static void sample(JsonNode sample, JsonNode eval, ReadContext context, SampleSink sink) {
        JsonNode attachments = sample.path("attachments");
        String question = resolve(inputText(sample.get("input")), attachments);
        String gold = sample.get("target") != null && sample.get("target").isArray()
                ? JsonLists.texts(sample.get("target")).stream().findFirst().orElse(null)
                : JsonFields.text(sample, "target");
        gold = gold == null ? null : gold.strip();
        String key = ProblemKeys.of(question, JsonFields.text(eval, "task"), JsonFields.text(sample, "id"));
        ObjectNode metadata = Json.MAPPER.createObjectNode();
        metadata.put("inspect_id", sample.path("id").asText());
        if (sample.get("metadata") != null && sample.get("metadata").isObject()) {
            metadata.set("metadata", sample.get("metadata"));
        }
        sink.problem(new Problem(0, key, JsonFields.text(eval, "task"), question, gold, metadata.toString()));

        JsonNode output = sample.path("output");
        JsonNode message = output.path("choices").path(0).path("message");
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        JsonNode content = message.get("content");
        if (content != null && content.isArray()) {
            for (JsonNode block : content) {
                String type = block.path("type").asText();
                if (type.equals("reasoning")) {
                    String thought = block.path("redacted").asBoolean(false)
                            ? block.path("summary").asText("")
                            : block.path("reasoning").asText("");
                    reasoning.append(reasoning.length() > 0 ? "\n\n" : "").append(resolve(thought, attachments));
                } else if (type.equals("text")) {
                    text.append(resolve(block.path("text").asText(""), attachments));
                }
            }
        } else if (content != null && content.isTextual()) {
            text.append(resolve(content.textValue(), attachments));
        }
        if (reasoning.length() == 0 && message.hasNonNull("reasoning")) {
            reasoning.append(resolve(message.get("reasoning").asText(), attachments));
        }
        JsonNode usage = output.path("usage");
        JsonNode score = firstScore(sample.path("scores"));
        int epoch = sample.path("epoch").asInt(1);
        SampleDraft draft = SampleDraft.of(key, text.toString())
                .index(Math.max(0, epoch - 1))
                .reasoning(reasoning.length() == 0 ? null : reasoning.toString())
                .finishReason(JsonFields.text(output, "stop_reason"))
                .totalTokens(JsonFields.integer(usage, "output_tokens"))
                .thinkingTokens(JsonFields.integer(usage, "reasoning_tokens"));
        if (score != null) {
            draft.correct(verdict(score.get("value"))).answer(JsonFields.text(score, "answer"));
        }
        sink.sample(context.enricher().enrich(draft, gold));
    }

    /** The first scorer's score, as Inspect lists them. */
    private static JsonNode firstScore(JsonNode scores) {
        var fields = scores.fields();
        return fields.hasNext() ? fields.next().getValue() : null;
    }

    /** Inspect's score values: {@code C}/{@code I} (correct/incorrect), numbers, booleans; partial is no verdict. */
    private static Boolean verdict(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return switch (value.textValue()) {
                case "C" -> Boolean.TRUE;
                case "I", "N" -> Boolean.FALSE;
                default -> null;
            };
        }
        return JsonLists.verdict(value);
    }

    private static String inputText(JsonNode input) {
        if (input == null || input.isNull()) {
            return null;
        }
        if (input.isTextual()) {
            return input.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode message : input) {
            if (message.path("role").asText().equals("user")) {
                JsonNode content = message.get("content");
                if (content != null && content.isTextual()) {
                    text.append(text.length() > 0 ? "\n\n" : "").append(content.textValue());
                } else if (content != null && content.isArray()) {
                    for (JsonNode block : content) {
                        if (block.path("type").asText().equals("text")) {
                            text.append(text.length() > 0 ? "\n\n" : "")
                                    .append(block.path("text").asText());
                        }
                    }
                }
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** Replaces {@code attachment://<hash>} references with the attachment's text. */
    static String resolve(String text, JsonNode attachments) {
        if (text == null || !text.contains("attachment://")) {
            return text;
        }
        Matcher matcher = ATTACHMENT.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            JsonNode attachment = attachments.get(matcher.group(1));
            String replacement =
                    attachment != null && attachment.isTextual() ? attachment.textValue() : matcher.group();
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
