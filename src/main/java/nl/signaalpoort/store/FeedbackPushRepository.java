package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How far feedback was pushed to each partner, and when to try again. */
@Repository
public class FeedbackPushRepository {

    /** A partner's push position. */
    public record PushState(long pushedUpTo, int attempts, Instant nextAttemptAt) {
    }

    private final JdbcTemplate jdbc;

    public FeedbackPushRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PushState state(String partnerId, Instant now) {
        var rows = jdbc.query("SELECT pushed_up_to, attempts, next_attempt_at FROM partner_feedback_push WHERE partner_id = ?",
                (rs, i) -> new PushState(rs.getLong(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant()), partnerId);
        if (!rows.isEmpty()) {
            return rows.get(0);
        }
        try {
            jdbc.update("INSERT INTO partner_feedback_push (partner_id, pushed_up_to, attempts, next_attempt_at) VALUES (?, 0, 0, ?)",
                    partnerId, utc(now));
        } catch (DuplicateKeyException anotherNode) {
            // created meanwhile
        }
        return new PushState(0, 0, now);
    }

    /** The partner answered 2xx for everything up to this id. Only moves forward. */
    public void pushed(String partnerId, long upTo, Instant now) {
        jdbc.update("""
                UPDATE partner_feedback_push SET pushed_up_to = ?, attempts = 0, next_attempt_at = ?, last_error = NULL
                WHERE partner_id = ? AND pushed_up_to < ?""", upTo, utc(now), partnerId, upTo);
    }

    public void failed(String partnerId, Instant nextAttempt, String error) {
        jdbc.update("UPDATE partner_feedback_push SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE partner_id = ?",
                utc(nextAttempt), error, partnerId);
    }
}
