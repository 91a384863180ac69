package dev.ponder.core.compute;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A model's shape from a GGUF file's header (llama.cpp's format, version 2 and 3): the architecture's block count,
 * embedding length and head counts from the metadata, the parameters counted from the tensor table. Only the header
 * is read, never the weights.
 */
final class GgufShape {
    private static final int MAGIC = 0x46554747; // "GGUF" read little-endian
    private static final long MAX_ENTRIES = 1_000_000;
    private static final long MAX_STRING = 64L << 20;

    private final InputStream in;

    private GgufShape(InputStream in) {
        this.in = in;
    }

    static ModelShape read(Path file) throws IOException {
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new GgufShape(stream).shape(file.getFileName().toString());
        }
    }

    private ModelShape shape(String fileName) throws IOException {
        if (u32() != MAGIC) {
            throw new IOException("it is not a GGUF file");
        }
        int version = u32();
        if (version < 2 || version > 3) {
            throw new IOException("it is GGUF version " + version + "; Ponder reads versions 2 and 3");
        }
        long tensors = count(u64());
        long entries = count(u64());
        Map<String, Object> metadata = new HashMap<>();
        for (long i = 0; i < entries; i++) {
            String key = string();
            Object value = value(u32());
            if (value != null) {
                metadata.put(key, value);
            }
        }
        double parameters = 0;
        for (long t = 0; t < tensors; t++) {
            string();
            int dims = u32();
            if (dims < 0 || dims > 8) {
                throw new IOException("a tensor of the header has " + dims + " dimensions");
            }
            double elements = 1;
            for (int d = 0; d < dims; d++) {
                elements *= u64();
            }
            u32();
            u64();
            parameters += elements;
        }
        String arch = String.valueOf(metadata.getOrDefault("general.architecture", "llama"));
        int layers = number(metadata.get(arch + ".block_count"));
        int hidden = number(metadata.get(arch + ".embedding_length"));
        int heads = number(metadata.get(arch + ".attention.head_count"));
        int kvHeads = metadata.containsKey(arch + ".attention.head_count_kv")
                ? number(metadata.get(arch + ".attention.head_count_kv"))
                : heads;
        int headDim = metadata.containsKey(arch + ".attention.key_length")
                ? number(metadata.get(arch + ".attention.key_length"))
                : heads > 0 ? hidden / heads : 0;
        Object name = metadata.get("general.name");
        return new ModelShape(
                name == null ? fileName : name.toString(),
                parameters,
                layers,
                hidden,
                heads,
                kvHeads,
                headDim,
                fileName + " (GGUF header)");
    }

    /** A scalar value as a Number, String or Boolean; arrays are skipped (null). */
    private Object value(int type) throws IOException {
        return switch (type) {
            case 0, 1, 7 -> (long) in1(); // u8, i8, bool
            case 2, 3 -> (long) (in1() | in1() << 8);
            case 4, 5 -> (long) u32();
            case 6 -> (double) Float.intBitsToFloat(u32());
            case 8 -> string();
            case 9 -> {
                int elementType = u32();
                long length = count(u64());
                for (long i = 0; i < length; i++) {
                    value(elementType);
                }
                yield null;
            }
            case 10, 11 -> u64();
            case 12 -> Double.longBitsToDouble(u64());
            default -> throw new IOException("the header holds a value of unknown type " + type);
        };
    }

    private static int number(Object value) {
        return value instanceof Number number ? (int) number.longValue() : 0;
    }

    private String string() throws IOException {
        long length = u64();
        if (length < 0 || length > MAX_STRING) {
            throw new IOException("the header holds a text of " + length + " bytes");
        }
        return new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
    }

    private static long count(long value) throws IOException {
        if (value < 0 || value > MAX_ENTRIES) {
            throw new IOException("the header claims " + value + " entries");
        }
        return value;
    }

    private int in1() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the header ends early");
        }
        return b;
    }

    private int u32() throws IOException {
        return in1() | in1() << 8 | in1() << 16 | in1() << 24;
    }

    private long u64() throws IOException {
        return (u32() & 0xFFFFFFFFL) | ((long) u32()) << 32;
    }
}
