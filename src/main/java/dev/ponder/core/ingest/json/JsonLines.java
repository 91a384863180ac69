package dev.ponder.core.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.ingest.record.RecordException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and decodes each line as UTF-8 on its own, so that line numbers are
 * exact and one line of bad bytes costs that line only. Lines end with LF or CRLF; a UTF-8 byte-order
 * mark at the start is dropped. Lines may be of any length that fits in memory.
 */
public final class JsonLines {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[CHUNK];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line = new byte[1024];
    private int lineLength;
    private int lineNumber;
    private int textStart;
    private int textEnd;
    private boolean ended;

    public JsonLines(InputStream in) {
        this.in = in;
    }

    /** The number of the line last returned, counting from 1. */
    public int lineNumber() {
        return lineNumber;
    }

    /**
     * The next line without its terminator, or {@code null} at the end. A line that is not valid UTF-8
     * throws {@link RecordException}; the reader has then moved past it and the caller may go on.
     */
    public String next() throws IOException {
        if (!advance()) {
            return null;
        }
        return decode(textStart, textEnd);
    }

    /**
     * Moves to the next line, to be read with {@link #isBlank()} and {@link #parse}; {@code false} at the end. Cheaper
     * than {@link #next()} for lines that are JSON: the bytes go to the parser without being decoded first.
     */
    public boolean advance() throws IOException {
        if (!readLine()) {
            return false;
        }
        lineNumber++;
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        textStart = lineNumber == 1
                        && length >= 3
                        && (line[0] & 0xFF) == 0xEF
                        && (line[1] & 0xFF) == 0xBB
                        && (line[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        textEnd = length;
        return true;
    }

    /** Whether the line {@link #advance()} moved to holds only white space. */
    public boolean isBlank() {
        for (int i = textStart; i < textEnd; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != 0x0B && b != '\f') {
                return false;
            }
        }
        return true;
    }

    /**
     * The line {@link #advance()} moved to, parsed as one JSON value straight from its UTF-8 bytes. A line that does
     * not parse is decoded and parsed again as text, so that what is wrong is told as {@link #next()} tells it: bytes
     * that are not UTF-8 throw {@link RecordException}, JSON that is not valid the parser's exception for the text.
     */
    public JsonNode parse(ObjectMapper mapper) throws IOException {
        try {
            return mapper.readTree(line, textStart, textEnd - textStart);
        } catch (JsonProcessingException e) {
            JsonNode again = mapper.readTree(decode(textStart, textEnd));
            if (again == null) {
                throw e;
            }
            return again;
        }
    }

    private boolean readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (chunkStart == chunkEnd) {
                if (ended) {
                    return lineLength > 0;
                }
                chunkEnd = in.read(chunk, 0, CHUNK);
                chunkStart = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    ended = true;
                    return lineLength > 0;
                }
            }
            int newline = -1;
            for (int i = chunkStart; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? chunkEnd : newline;
            append(chunkStart, end);
            chunkStart = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                return true;
            }
        }
    }

    private void append(int from, int to) {
        int count = to - from;
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(chunk, from, line, lineLength, count);
        lineLength += count;
    }

    private String decode(int start, int end) {
        ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
        CharBuffer chars = CharBuffer.allocate(end - start);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            throw new RecordException("not valid UTF-8 (bad byte 0x"
                    + Integer.toHexString(line[bytes.position()] & 0xFF).toUpperCase() + " at byte "
                    + (bytes.position() - start + 1) + " of the line)");
        }
        decoder.flush(chars);
        chars.flip();
        return chars.toString();
    }
}
