package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Municipal outcomes and the partner feedback items derived from them. */
@Repository
public class FeedbackRepository {

    private final JdbcTemplate jdbc;

    public FeedbackRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SignalOwnership> ownership(UUID signalId) {
        return jdbc.query("""
                SELECT s.signal_id, s.partner_id, s.reference, s.municipality_code, o.status
                FROM signals s LEFT JOIN outbox o ON o.signal_id = s.signal_id WHERE s.signal_id = ?""",
                (rs, i) -> new SignalOwnership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), signalId).stream().findFirst();
    }

    public void insertOutcome(UUID signalId, String municipalityCode, String outcome, boolean finalOutcome,
            LocalDate outcomeDate, Instant reportedAt) {
        jdbc.update("""
                INSERT INTO outcomes (signal_id, municipality_code, outcome, final_outcome, outcome_date, reported_at)
                VALUES (?, ?, ?, ?, ?, ?)""", signalId, municipalityCode, outcome, finalOutcome, outcomeDate, utc(reportedAt));
    }

    public void insertFeedback(String partnerId, UUID signalId, String reference, String code, boolean finalOutcome,
            LocalDate date, Instant createdAt) {
        jdbc.update("""
                INSERT INTO feedback_items (partner_id, signal_id, reference, code, final_outcome, feedback_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", partnerId, signalId, reference, code, finalOutcome, date, utc(createdAt));
    }

    /** The partner's own feedback after the cursor, oldest first. */
    public List<FeedbackItem> feedbackAfter(String partnerId, long after, int limit) {
        return jdbc.query("""
                SELECT feedback_id, signal_id, reference, code, final_outcome, feedback_date FROM feedback_items
                WHERE partner_id = ? AND feedback_id > ? ORDER BY feedback_id FETCH FIRST ? ROWS ONLY""",
                (rs, i) -> new FeedbackItem(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getObject(6, LocalDate.class)),
                partnerId, after, limit);
    }
}
