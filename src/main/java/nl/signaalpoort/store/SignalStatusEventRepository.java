package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The changes in what became of signals, for their partners' status files: each recorded in the
 * transaction of the change itself (a delivery recorded, a dead letter, a withdrawal), one
 * statement per delivered batch.
 */
@Repository
public class SignalStatusEventRepository {

    /** One change, as the partner hears it: its own reference and the gateway's ids. */
    public record StatusEvent(long eventId, UUID signalId, String reference, String state, String municipalityCode, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public SignalStatusEventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** These signals' own outbox entries were recorded delivered to {@code municipalityCode}. */
    public void delivered(List<UUID> signalIds, String municipalityCode, Instant at) {
        InLists.forEachChunk(signalIds, chunk -> named.update("""
                INSERT INTO signal_status_events (partner_id, signal_id, reference, state, municipality_code, occurred_at)
                SELECT partner_id, signal_id, reference, 'DELIVERED', :code, :at FROM signals WHERE signal_id IN (:ids)""",
                new MapSqlParameterSource("ids", chunk).addValue("code", municipalityCode).addValue("at", utc(at))));
    }

    /** These outbox entries became dead letters: their signals did not reach the municipality (notices are not signals). */
    public void notDeliverable(List<Long> outboxIds, Instant at) {
        InLists.forEachChunk(outboxIds, chunk -> named.update("""
                INSERT INTO signal_status_events (partner_id, signal_id, reference, state, municipality_code, occurred_at)
                SELECT s.partner_id, s.signal_id, s.reference, 'NOT_DELIVERABLE', NULL, :at
                FROM outbox o JOIN signals s ON s.signal_id = o.signal_id WHERE o.outbox_id IN (:ids) AND o.status = 'DEAD'""",
                new MapSqlParameterSource("ids", chunk).addValue("at", utc(at))));
    }

    public void withdrawn(String partnerId, UUID signalId, String reference, Instant at) {
        jdbc.update("""
                INSERT INTO signal_status_events (partner_id, signal_id, reference, state, municipality_code, occurred_at)
                VALUES (?, ?, ?, 'WITHDRAWN', NULL, ?)""", partnerId, signalId, reference, utc(at));
    }

    public List<StatusEvent> after(String partnerId, long after, int limit) {
        return jdbc.query("""
                SELECT event_id, signal_id, reference, state, municipality_code, occurred_at FROM signal_status_events
                WHERE partner_id = ? AND event_id > ? ORDER BY event_id FETCH FIRST ? ROWS ONLY""",
                (rs, i) -> new StatusEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()), partnerId, after, limit);
    }
}
