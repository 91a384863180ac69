package dev.ponder.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One forward step of the workspace schema: the statements that take a workspace from
 * {@code version - 1} to {@code version}.
 */
record Migration(int version, List<String> statements) {

    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, was " + version);
        }
        statements = List.copyOf(statements);
    }

    /** Loads {@code schema/v<version>.sql} next to this class. */
    static Migration fromResource(int version) {
        String name = "schema/v" + version + ".sql";
        try (InputStream in = Objects.requireNonNull(Migration.class.getResourceAsStream(name), "missing " + name)) {
            return new Migration(version, SqlScript.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
