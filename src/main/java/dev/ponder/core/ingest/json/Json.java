package dev.ponder.core.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON settings every reader shares: bare {@code NaN}/{@code Infinity} as Python's json writes them,
 * no cap on string length (Jackson's default of 20 million characters is below one long trace), and
 * streams left open for their owner.
 */
public final class Json {
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // The importer reads on after a reader is done, to hash the whole file.
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(10_000)
                    .build())
            .build();
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private Json() {}

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(" \\(code -?\\d+\\)");

    /**
     * What is wrong with the JSON, in the file's terms rather than the parser's: "it breaks off before its end",
     * "'x' where a comma or '}' should be", "a control character inside a text (an unescaped line break?)".
     */
    public static String reason(com.fasterxml.jackson.core.JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("unexpected end-of-input")) {
            if (lower.contains("closing quote")) {
                return "it breaks off inside a text (its closing quote is missing)";
            }
            if (lower.contains("close marker for object")) {
                return "it breaks off before its closing '}'";
            }
            if (lower.contains("close marker for array")) {
                return "it breaks off before its closing ']'";
            }
            return "it breaks off before its end";
        }
        if (lower.contains("illegal unquoted character") || lower.contains("illegal character")) {
            return "a control character inside a text (an unescaped line break or tab?)";
        }
        if (lower.contains("invalid utf-8")) {
            return "bytes that are not UTF-8 text";
        }
        java.util.regex.Matcher token =
                java.util.regex.Pattern.compile("Unrecognized token '([^']*)'").matcher(raw);
        if (token.find()) {
            return "'" + token.group(1) + "' is not a JSON value (a text needs quotes)";
        }
        java.util.regex.Matcher unexpected = java.util.regex.Pattern.compile(
                        "Unexpected character \\('(.)'.*?\\): (?:was )?expect(?:ing|ed) (.*)")
                .matcher(raw);
        if (unexpected.find()) {
            return "'" + unexpected.group(1) + "' where " + expected(unexpected.group(2)) + " should be";
        }
        String plain = CODE.matcher(raw).replaceAll("");
        int newline = plain.indexOf('\n');
        return newline < 0 ? plain : plain.substring(0, newline);
    }

    private static String expected(String what) {
        String lower = what.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("comma to separate object")) {
            return "a comma or '}'";
        }
        if (lower.contains("comma to separate array")) {
            return "a comma or ']'";
        }
        if (lower.contains("double-quote to start field name")) {
            return "a quoted field name";
        }
        if (lower.contains("colon")) {
            return "a colon";
        }
        return "a JSON value";
    }
}
