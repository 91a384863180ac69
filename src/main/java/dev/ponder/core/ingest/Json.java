package dev.ponder.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON settings every reader shares: bare {@code NaN}/{@code Infinity} as Python's json writes them,
 * and no cap on string length (Jackson's default of 20 million characters is below one long trace).
 */
public final class Json {
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(10_000)
                    .build())
            .build();
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private Json() {
    }
}
