package dev.ponder.core.model;

/** Argument checks shared by the records of this package. */
final class Checks {
    private Checks() {}

    static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static void nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    static void span(int start, int end, String name) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    name + " must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
        }
    }
}
