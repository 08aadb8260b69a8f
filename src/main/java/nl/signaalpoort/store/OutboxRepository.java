package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
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
     * end-of-supply signals first, then the oldest. Municipalities in {@code skip} (breaker open,
     * delivery in flight) are left alone, so their entries keep their order.
     */
    public List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit, Collection<String> skip) {
        return transactions.execute(tx -> {
            List<OutboxEntry> due = named.query("""
                    SELECT outbox_id, signal_id, municipality_code, attempts, created_at, urgent FROM outbox
                    WHERE status = 'PENDING' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)
                      AND municipality_code NOT IN (:skip)
                    ORDER BY urgent DESC, outbox_id
                    FETCH FIRST :limit ROWS ONLY
                    FOR UPDATE SKIP LOCKED""",
                    new MapSqlParameterSource("now", utc(now)).addValue("limit", limit)
                            .addValue("skip", skip.isEmpty() ? List.of("-") : List.copyOf(skip)),
                    (rs, i) -> new OutboxEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getBoolean(6)));
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
     * once they reach {@code maxAttempts} or were created before {@code deadIfCreatedBefore}. Every
     * other pending entry of the municipality waits as long, so its order is kept. The error is a
     * class name or HTTP status, never a message that could carry personal data.
     */
    public void markFailed(List<OutboxEntry> entries, Instant nextAttempt, String errorClass, int maxAttempts,
            Instant deadIfCreatedBefore) {
        transactions.executeWithoutResult(tx -> {
            InLists.forEachChunk(ids(entries), chunk -> named.update("""
                    UPDATE outbox SET attempts = attempts + 1, lease_until = NULL, next_attempt_at = :next, last_error = :error,
                        status = CASE WHEN attempts + 1 >= :max OR created_at < :oldest THEN 'DEAD' ELSE 'PENDING' END
                    WHERE outbox_id IN (:ids)""",
                    new MapSqlParameterSource("next", utc(nextAttempt)).addValue("error", errorClass)
                            .addValue("max", maxAttempts).addValue("oldest", utc(deadIfCreatedBefore)).addValue("ids", chunk)));
            entries.stream().map(OutboxEntry::municipalityCode).distinct().forEach(code -> named.update("""
                    UPDATE outbox SET next_attempt_at = :next
                    WHERE municipality_code = :code AND status = 'PENDING' AND next_attempt_at < :next""",
                    new MapSqlParameterSource("next", utc(nextAttempt)).addValue("code", code)));
        });
    }

    /** Gives claimed entries back untouched (not attempted): no attempt is counted. */
    public void release(List<OutboxEntry> entries) {
        InLists.forEachChunk(ids(entries), chunk -> named.update("UPDATE outbox SET lease_until = NULL WHERE outbox_id IN (:ids)",
                new MapSqlParameterSource("ids", chunk)));
    }

    /** Dead letters, oldest first, optionally of one municipality: ids, codes and error classes only. */
    public List<DeadLetter> deadLetters(String municipalityCode, int limit) {
        // Two statements rather than ":code IS NULL": PostgreSQL cannot type an untyped null parameter.
        String where = municipalityCode == null ? "status = 'DEAD'" : "status = 'DEAD' AND municipality_code = :code";
        return named.query("SELECT outbox_id, signal_id, municipality_code, attempts, last_error, created_at, next_attempt_at "
                + "FROM outbox WHERE " + where + " ORDER BY outbox_id FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("code", municipalityCode).addValue("limit", limit),
                (rs, i) -> new DeadLetter(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getObject(7, OffsetDateTime.class).toInstant()));
    }

    /** One dead letter. */
    public java.util.Optional<DeadLetter> deadLetter(long outboxId) {
        return named.query("SELECT outbox_id, signal_id, municipality_code, attempts, last_error, created_at, next_attempt_at "
                + "FROM outbox WHERE status = 'DEAD' AND outbox_id = :id", new MapSqlParameterSource("id", outboxId),
                (rs, i) -> new DeadLetter(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getObject(7, OffsetDateTime.class).toInstant())).stream().findFirst();
    }

    /** Puts dead letters back in the queue, due now, with a fresh attempt count; returns how many. */
    public int replay(List<Long> outboxIds, Instant now) {
        int[] replayed = {0};
        InLists.forEachChunk(outboxIds, chunk -> replayed[0] += named.update("""
                UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_until = NULL
                WHERE outbox_id IN (:ids) AND status = 'DEAD'""",
                new MapSqlParameterSource("now", utc(now)).addValue("ids", chunk)));
        return replayed[0];
    }

    /** Replays every dead letter of a municipality. */
    public int replayMunicipality(String municipalityCode, Instant now) {
        return named.update("""
                UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_until = NULL
                WHERE municipality_code = :code AND status = 'DEAD'""",
                new MapSqlParameterSource("now", utc(now)).addValue("code", municipalityCode));
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::outboxId).toList();
    }
}
