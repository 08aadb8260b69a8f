package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable outbox. Entries are claimed with a lease (so a crashed node's claims expire) using
 * {@code FOR UPDATE SKIP LOCKED}, which lets several gateway nodes share one PostgreSQL.
 */
@Repository
public class OutboxRepository {

    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;

    public OutboxRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = transactions;
    }

    /**
     * Claims up to {@code limit} due entries, leasing them until {@code leaseUntil}: crisis and
     * end-of-supply signals first, then the oldest.
     */
    public List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
        return transactions.execute(tx -> {
            List<OutboxEntry> due = jdbc.query("""
                    SELECT outbox_id, signal_id, municipality_code, attempts FROM outbox
                    WHERE status = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                    ORDER BY urgent DESC, outbox_id
                    FETCH FIRST ? ROWS ONLY
                    FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new OutboxEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4)),
                    utc(now), utc(now), limit);
            InLists.forEachChunk(ids(due), chunk -> named.update("UPDATE outbox SET lease_until = :lease WHERE outbox_id IN (:ids)",
                    new MapSqlParameterSource("lease", utc(leaseUntil)).addValue("ids", chunk)));
            return due;
        });
    }

    public void markDelivered(List<OutboxEntry> entries, Instant now) {
        InLists.forEachChunk(ids(entries), chunk -> named.update("UPDATE outbox SET status = 'DELIVERED', delivered_at = :now, lease_until = NULL, last_error = NULL "
                        + "WHERE outbox_id IN (:ids)",
                new MapSqlParameterSource("now", utc(now)).addValue("ids", chunk)));
    }

    /**
     * Records a failed attempt: the entries wait until {@code nextAttempt}, or become dead letters
     * once they reach {@code maxAttempts}. The error is a class name, never a message that could
     * carry personal data.
     */
    public void markFailed(List<OutboxEntry> entries, Instant nextAttempt, String errorClass, int maxAttempts) {
        InLists.forEachChunk(ids(entries), chunk -> named.update("""
                UPDATE outbox SET attempts = attempts + 1, lease_until = NULL, next_attempt_at = :next, last_error = :error,
                    status = CASE WHEN attempts + 1 >= :max THEN 'DEAD' ELSE 'PENDING' END
                WHERE outbox_id IN (:ids)""",
                new MapSqlParameterSource("next", utc(nextAttempt)).addValue("error", errorClass)
                        .addValue("max", maxAttempts).addValue("ids", chunk)));
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::outboxId).toList();
    }
}
