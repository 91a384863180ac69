package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A model judge's verdicts on answer–gold pairs, kept so that a pair is asked about once. */
public final class JudgeVerdictRepository {
    private final Connection connection;

    JudgeVerdictRepository(Connection connection) {
        this.connection = connection;
    }

    /** The judges that have given verdicts in this workspace, by name. */
    public List<String> judges() throws SQLException {
        List<String> judges = new ArrayList<>();
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT DISTINCT judge FROM judge_verdict ORDER BY judge");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                judges.add(rows.getString(1));
            }
        }
        return judges;
    }

    /**
     * Every pair the judge has answered, keyed by {@link #pair}: {@code true}, {@code false}, or {@code null} where its
     * reply said neither (asked, so not asked again).
     */
    public Map<String, Boolean> verdicts(String judge) throws SQLException {
        Map<String, Boolean> verdicts = new HashMap<>();
        try (PreparedStatement query =
                connection.prepareStatement("SELECT answer, gold, verdict FROM judge_verdict WHERE judge = ?")) {
            query.setString(1, judge);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int verdict = rows.getInt(3);
                    verdicts.put(pair(rows.getString(1), rows.getString(2)), rows.wasNull() ? null : verdict == 1);
                }
            }
        }
        return verdicts;
    }

    /** Keeps the judge's verdict on one pair, with its reply (replacing an earlier one). */
    public void put(String judge, String answer, String gold, Boolean verdict, String reply) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO judge_verdict(judge, answer, gold, verdict, reply, judged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, judge);
            insert.setString(2, answer);
            insert.setString(3, gold);
            if (verdict == null) {
                insert.setNull(4, java.sql.Types.INTEGER);
            } else {
                insert.setInt(4, verdict ? 1 : 0);
            }
            insert.setString(5, reply);
            insert.setString(6, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    /** The key of an answer–gold pair in {@link #verdicts}. */
    public static String pair(String answer, String gold) {
        return answer + '\u0000' + gold;
    }
}
