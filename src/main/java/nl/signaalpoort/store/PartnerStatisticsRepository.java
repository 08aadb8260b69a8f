package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A partner's month as the gateway recorded it: intake by result and code, deliveries, feedback codes. */
@Repository
public class PartnerStatisticsRepository {

    private final JdbcTemplate jdbc;

    public PartnerStatisticsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Intake counted by kind (STATUS, REASON, WARNING) and code over the days {@code from} to {@code to}, both included. */
    public Map<String, Map<String, Long>> intake(String partnerId, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> byKind = new TreeMap<>();
        jdbc.query("SELECT kind, code, SUM(tally) FROM intake_tally WHERE partner_id = ? AND tally_day BETWEEN ? AND ? GROUP BY kind, code",
                rs -> {
                    byKind.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                }, partnerId, from, to);
        return byKind;
    }

    /** The delivery state (PENDING, DELIVERED, DEAD) of the partner's signals received from {@code from} until {@code until}. */
    public Map<String, Long> deliveries(String partnerId, Instant from, Instant until) {
        Map<String, Long> byStatus = new TreeMap<>();
        jdbc.query("""
                SELECT o.status, COUNT(*) FROM signals s JOIN outbox o ON o.signal_id = s.signal_id
                WHERE s.partner_id = ? AND s.received_at >= ? AND s.received_at < ? GROUP BY o.status""",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }, partnerId, utc(from), utc(until));
        return byStatus;
    }

    /** The partner's feedback codes dated in the period, as they stand now (a corrected item counts as its correction). */
    public Map<String, Long> feedback(String partnerId, LocalDate from, LocalDate to) {
        Map<String, Long> byCode = new TreeMap<>();
        jdbc.query("""
                SELECT f.code, COUNT(*) FROM feedback_items f
                WHERE f.partner_id = ? AND f.feedback_date BETWEEN ? AND ?
                  AND NOT EXISTS (SELECT 1 FROM feedback_items n WHERE n.supersedes_feedback_id = f.feedback_id)
                GROUP BY f.code""",
                rs -> {
                    byCode.put(rs.getString(1), rs.getLong(2));
                }, partnerId, from, to);
        return byCode;
    }
}
