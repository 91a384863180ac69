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
}
