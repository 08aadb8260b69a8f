package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Municipal outcomes, the partner feedback derived from them, and notifications to municipalities. */
@Repository
public class FeedbackRepository {

    private static final String ITEM_COLUMNS = "feedback_id, signal_id, reference, code, final_outcome, feedback_date, "
            + "collection_paused_until, supersedes_feedback_id";
    private static final RowMapper<FeedbackItem> ITEM = (rs, i) -> new FeedbackItem(rs.getLong(1), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
            rs.getObject(8) == null ? null : rs.getLong(8));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public FeedbackRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public Optional<SignalOwnership> ownership(UUID signalId) {
        return jdbc.query("""
                SELECT s.signal_id, s.partner_id, s.reference, s.municipality_code, o.status
                FROM signals s LEFT JOIN outbox o ON o.signal_id = s.signal_id WHERE s.signal_id = ?""",
                (rs, i) -> new SignalOwnership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), signalId).stream().findFirst();
    }

    /**
     * The signal an outcome for this one belongs on: the latest delivered signal of its case when
     * updates continued it (the municipality may answer by the id it first got), else itself.
     */
    public SignalOwnership caseHead(SignalOwnership signal) {
        return jdbc.query("""
                SELECT s.signal_id, s.partner_id, s.reference, s.municipality_code, o.status
                FROM signals s JOIN outbox o ON o.signal_id = s.signal_id
                WHERE s.case_signal_id = (SELECT COALESCE(x.case_signal_id, x.signal_id) FROM signals x WHERE x.signal_id = ?)
                  AND o.status = 'DELIVERED'
                ORDER BY o.delivered_at DESC FETCH FIRST 1 ROWS ONLY""",
                (rs, i) -> new SignalOwnership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), signal.signalId()).stream().findFirst().orElse(signal);
    }

    /**
     * Locks the signal's row until the transaction ends: outcomes for one signal (a municipality's
     * report, the auto-close job on either node) are decided one at a time.
     */
    public void lockSignal(UUID signalId) {
        jdbc.queryForList("SELECT signal_id FROM signals WHERE signal_id = ? FOR UPDATE", UUID.class, signalId);
    }

    /** Whether the signal has a final outcome (a closed case). */
    public boolean hasFinalOutcome(UUID signalId) {
        return !jdbc.queryForList("SELECT outcome_id FROM outcomes WHERE signal_id = ? AND final_outcome = TRUE FETCH FIRST 1 ROWS ONLY",
                Long.class, signalId).isEmpty();
    }

    /** Makes sure every partner has its row in {@code feedback_order} (before any transaction needs it). */
    public void prepareFeedbackOrder(Collection<String> partnerIds) {
        for (String partnerId : partnerIds) {
            if (jdbc.queryForList("SELECT items FROM feedback_order WHERE partner_id = ?", Long.class, partnerId).isEmpty()) {
                try {
                    jdbc.update("INSERT INTO feedback_order (partner_id, items) VALUES (?, 0)", partnerId);
                } catch (org.springframework.dao.DuplicateKeyException anotherNode) {
                    // The other node created it meanwhile.
                }
            }
        }
    }

    public Optional<LatestOutcome> latestOutcome(UUID signalId) {
        return jdbc.query("""
                SELECT outcome, final_outcome, outcome_date FROM outcomes WHERE signal_id = ?
                ORDER BY outcome_id DESC FETCH FIRST 1 ROWS ONLY""",
                (rs, i) -> new LatestOutcome(rs.getString(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class)), signalId)
                .stream().findFirst();
    }

    public void insertOutcome(UUID signalId, String municipalityCode, String outcome, boolean finalOutcome,
            LocalDate outcomeDate, Instant reportedAt) {
        jdbc.update("""
                INSERT INTO outcomes (signal_id, municipality_code, outcome, final_outcome, outcome_date, reported_at)
                VALUES (?, ?, ?, ?, ?, ?)""", signalId, municipalityCode, outcome, finalOutcome, outcomeDate, utc(reportedAt));
    }

    /** The partner's newest feedback item for a signal: the one a new item supersedes. */
    public Optional<Long> latestFeedbackId(UUID signalId) {
        return jdbc.query("SELECT MAX(feedback_id) FROM feedback_items WHERE signal_id = ?",
                (rs, i) -> rs.getObject(1) == null ? null : rs.getLong(1), signalId).stream().filter(id -> id != null).findFirst();
    }

    /**
     * A feedback item. The partner's row in {@code feedback_order} is locked first, before the item's
     * id is drawn, and stays so until the transaction commits: a partner's ids become visible in
     * order, so a cursor over them (push, files, the pull API) never passes one still to come.
     */
    public void insertFeedback(String partnerId, UUID signalId, String reference, String code, boolean finalOutcome,
            LocalDate date, LocalDate collectionPausedUntil, Long supersedes, Instant createdAt) {
        if (jdbc.update("UPDATE feedback_order SET items = items + 1 WHERE partner_id = ?", partnerId) != 1) {
            throw new IllegalStateException("feedback order of partner " + partnerId + " not prepared");
        }
        jdbc.update("""
                INSERT INTO feedback_items (partner_id, signal_id, reference, code, final_outcome, feedback_date,
                    collection_paused_until, supersedes_feedback_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", partnerId, signalId, reference, code, finalOutcome, date,
                collectionPausedUntil, supersedes, utc(createdAt));
    }

    /** The partner's own feedback after the cursor, oldest first. */
    public List<FeedbackItem> feedbackAfter(String partnerId, long after, int limit) {
        return jdbc.query("SELECT " + ITEM_COLUMNS + " FROM feedback_items WHERE partner_id = ? AND feedback_id > ? "
                + "ORDER BY feedback_id FETCH FIRST ? ROWS ONLY", ITEM, partnerId, after, limit);
    }

    /** Every feedback item of one of the partner's signals, oldest first: the history of corrections. */
    public List<FeedbackItem> feedbackForSignal(String partnerId, UUID signalId) {
        return jdbc.query("SELECT " + ITEM_COLUMNS + " FROM feedback_items WHERE partner_id = ? AND signal_id = ? "
                + "ORDER BY feedback_id", ITEM, partnerId, signalId);
    }

    /**
     * Delivered signals whose case is still open (no final outcome) and started before the cutoff:
     * a case starts with the delivery of its first signal, so an update (case_signal_id) keeps the
     * clock of the case it continues.
     */
    public List<SignalOwnership> openDeliveredBefore(Instant cutoff, int limit) {
        return jdbc.query("""
                SELECT s.signal_id, s.partner_id, s.reference, s.municipality_code, o.status
                FROM signals s JOIN outbox o ON o.signal_id = s.signal_id
                LEFT JOIN outbox c ON c.signal_id = s.case_signal_id
                WHERE o.status = 'DELIVERED' AND COALESCE(c.delivered_at, o.delivered_at) < ? AND s.personal_data_shredded_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM outcomes x WHERE x.signal_id = s.signal_id AND x.final_outcome = TRUE)
                ORDER BY o.delivered_at FETCH FIRST ? ROWS ONLY""",
                (rs, i) -> new SignalOwnership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), utc(cutoff), limit);
    }

    public void insertNotification(String municipalityCode, UUID signalId, String kind, LocalDate date, Instant createdAt) {
        jdbc.update("""
                INSERT INTO municipal_notifications (municipality_code, signal_id, kind, notification_date, created_at)
                VALUES (?, ?, ?, ?, ?)""", municipalityCode, signalId, kind, date, utc(createdAt));
    }

    /** The notifications of these municipalities (one, or a shared-service team's) after a cursor, oldest first. */
    public List<MunicipalNotification> notificationsAfter(Collection<String> municipalityCodes, long after, int limit) {
        return named.query("""
                SELECT notification_id, signal_id, municipality_code, kind, notification_date FROM municipal_notifications
                WHERE municipality_code IN (:codes) AND notification_id > :after ORDER BY notification_id FETCH FIRST :limit ROWS ONLY""",
                new MapSqlParameterSource("codes", List.copyOf(municipalityCodes))
                        .addValue("after", after).addValue("limit", limit),
                (rs, i) -> new MunicipalNotification(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)));
    }
}
