package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/** Nullable column helpers: JDBC's primitive getters turn SQL NULL into 0, which would lie about missing data. */
final class Sql {
    private Sql() {}

    static Integer integer(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    static Long longValue(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    static Double real(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    static Boolean bool(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value != 0;
    }

    static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    static Double real(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    /** A 0/1 column read by position, {@code null} for SQL NULL: a verdict. */
    static Boolean bool(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value != 0;
    }

    static void set(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static void set(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    static void set(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    static void set(PreparedStatement statement, int index, Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value ? 1 : 0);
        }
    }

    /** Whether the query, with these ids bound in order, gives a row. */
    static boolean exists(Connection connection, String sql, long... ids) throws SQLException {
        try (PreparedStatement query = bind(connection, sql, ids);
                ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    /** The first column of the query's first row, if it gives one. */
    static Optional<Long> firstLong(Connection connection, String sql, long... ids) throws SQLException {
        try (PreparedStatement query = bind(connection, sql, ids);
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
        }
    }

    private static PreparedStatement bind(Connection connection, String sql, long... ids) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        for (int i = 0; i < ids.length; i++) {
            query.setLong(i + 1, ids[i]);
        }
        return query;
    }
}
