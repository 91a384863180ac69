package dev.ponder.core.ingest;

/**
 * The places (problem, round, index) of the samples a file has given so far, to tell a duplicate record from a new
 * one: a set of longs with open addressing, about 16 bytes a sample, so a million samples cost 16 MB, not the 80 a
 * set of boxed keys would.
 */
final class SampleKeys {
    private static final long EMPTY = -1;
    private long[] slots = filled(1 << 12);
    private int size;

    /** Adds the place; false when a sample was there already. Places beyond the packing's range are never refused. */
    boolean add(long problemId, int round, int index) {
        if (problemId < 0 || problemId >= (1L << 31) || round < 0 || round >= 256 || index < 0 || index >= (1 << 24)) {
            return true;
        }
        long key = (problemId << 32) | ((long) round << 24) | index;
        if (size * 2 >= slots.length) {
            grow();
        }
        return insert(slots, key);
    }

    private boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (table[i] == key) {
                return false;
            }
            if (table[i] == EMPTY) {
                table[i] = key;
                if (table == slots) {
                    size++;
                }
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = filled(old.length * 2);
        for (long key : old) {
            if (key != EMPTY) {
                insert(slots, key);
            }
        }
    }

    private static long[] filled(int length) {
        long[] table = new long[length];
        java.util.Arrays.fill(table, EMPTY);
        return table;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
