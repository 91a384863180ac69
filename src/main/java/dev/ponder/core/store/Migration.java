package dev.ponder.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * One forward step of the workspace schema: the statements that take a workspace from
 * {@code version - 1} to {@code version}, and for steps plain SQL cannot take (one table per run), a step in
 * Java run after them.
 */
record Migration(int version, List<String> statements, Step then) {

    /** Work on the workspace's connection, inside the migration's transaction. */
    @FunctionalInterface
    interface Step {
        void apply(Connection connection) throws SQLException;
    }

    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, was " + version);
        }
        statements = List.copyOf(statements);
        then = then == null ? connection -> {} : then;
    }

    Migration(int version, List<String> statements) {
        this(version, statements, null);
    }

    /** The same migration with a Java step after its statements. */
    Migration then(Step step) {
        return new Migration(version, statements, step);
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
