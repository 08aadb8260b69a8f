package nl.signaalpoort.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What operators' gauges and the /ops page read: few, grouped queries over indexed columns only
 * (the outbox by status, feedback by partner and id), never a scan of delivered history.
 */
@Repository
public class OperationsRepository {

    /** Outbox entries not delivered, grouped: how many, and the oldest. */
    public record OutboxState(String municipalityCode, String status, boolean urgent, long count, Instant oldestCreatedAt) {
    }

    private final JdbcTemplate jdbc;

    public OperationsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** PENDING and DEAD entries per municipality and urgency (on PostgreSQL from the partial indexes of each, V15 and V28). */
    public List<OutboxState> outboxState() {
        return jdbc.query("""
                SELECT municipality_code, status, urgent, COUNT(*), MIN(created_at) FROM outbox
                WHERE status IN ('PENDING', 'DEAD') GROUP BY municipality_code, status, urgent""",
                (rs, i) -> new OutboxState(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()));
    }

    /** Per partner, the furthest any of its feedback channels got: read over the API, pushed, or written to a file. */
    public Map<String, Long> feedbackPositions() {
        Map<String, Long> positions = new HashMap<>();
        for (String sql : List.of("SELECT partner_id, read_up_to FROM partner_feedback_read",
                "SELECT partner_id, pushed_up_to FROM partner_feedback_push",
                "SELECT partner_id, written_up_to FROM partner_file_cursors WHERE stream = 'feedback'")) {
            jdbc.query(sql, rs -> {
                positions.merge(rs.getString(1), rs.getLong(2), Math::max);
            });
        }
        return positions;
    }

    /** Feedback items of a partner after a position (index ix_feedback_partner). */
    public long feedbackAfter(String partnerId, long position) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM feedback_items WHERE partner_id = ? AND feedback_id > ?", Long.class,
                partnerId, position);
        return n == null ? 0 : n;
    }

    /** A partner read feedback up to this id over the API. Only moves forward. */
    public void feedbackRead(String partnerId, long upTo) {
        if (jdbc.update("UPDATE partner_feedback_read SET read_up_to = ? WHERE partner_id = ? AND read_up_to < ?", upTo, partnerId,
                upTo) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO partner_feedback_read (partner_id, read_up_to) SELECT ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM partner_feedback_read WHERE partner_id = ?)", partnerId, upTo, partnerId);
        } catch (DuplicateKeyException anotherRequest) {
            // inserted meanwhile; a later read moves it on
        }
    }
}
