package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import nl.signaalpoort.routing.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable outbox. Entries are claimed with a lease that names its node and that the node renews
 * while it delivers (so a crashed node's claims expire quickly); claims are taken one node at a
 * time, which lets several gateway nodes share one PostgreSQL without two delivering to one
 * municipality at once (docs/reliability.md).
 */
@Repository
public class OutboxRepository {

    public static final String PENDING = "PENDING";
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
     * Claims up to {@code limit} due entries of one {@code lane} for {@code owner}, leasing them until
     * {@code leaseUntil}: each municipality's oldest first (the regular lane one municipality after
     * the other, in code order; the urgent lane oldest first over all). One node claims at a time (the row lock on
     * {@code delivery_claims}), and a municipality with entries of the lane leased by any node is
     * left alone, as are those in {@code skip} (breaker open, delivery in flight here): so one node
     * at a time delivers a municipality's lane. In the regular lane an entry waiting for its retry
     * holds back the municipality's newer ones, so its order is kept across failures; urgent
     * signals are not held back. Each entry keeps the delivery batch it was first claimed into; new
     * entries are grouped into new batches of the municipality's size. A batch is claimed whole or
     * not at all. The entries come back grouped by batch, in order.
     */
    public List<OutboxEntry> claimDue(OutboxLane lane, Instant now, Instant leaseUntil, String owner, int limit, Collection<String> skip,
            ToIntFunction<String> batchSize) {
        return transactions.execute(tx -> {
            jdbc.queryForList("SELECT claim_lock FROM delivery_claims WHERE claim_lock = 1 FOR UPDATE", Integer.class);
            // What holds a municipality back is looked up first, once per claim, and handed to the
            // claim as plain conditions: correlated sub-queries per candidate entry let PostgreSQL
            // choose, for the server-prepared statement, a plan that scanned the outbox once per
            // entry of a backlog (OutboxClaimsIT, docs/benchmarks.md).
            MapSqlParameterSource params = new MapSqlParameterSource("now", utc(now)).addValue("limit", limit);
            // The lane as a literal: a partial index on urgent entries (V14) then serves generic plans too.
            String inLane = lane.urgent() ? "urgent" : "NOT urgent";
            Set<String> excluded = new HashSet<>(skip);
            excluded.addAll(named.queryForList("SELECT DISTINCT municipality_code FROM outbox "
                    + "WHERE status = 'PENDING' AND lease_until >= :now AND " + inLane, params, String.class));
            List<OutboxEntry> due = lane.urgent() ? dueUrgent(params, excluded) : dueRegular(params, excluded, limit);
            List<OutboxEntry> claimed = DeliveryBatches.complete(DeliveryBatches.group(due, batchSize), pendingPerBatch(due));
            lease(claimed, leaseUntil, owner);
            return claimed;
        });
    }

    /**
     * Leases claimed entries, one statement per delivery batch (in chunks of {@link InLists#CHUNK}):
     * a statement per entry cost a backlog's claim 30 ms per 1,000 in the database alone
     * (pg_stat_statements, docs/benchmarks.md). The entries are locked by the claim, so each is updated.
     */
    private void lease(List<OutboxEntry> claimed, Instant leaseUntil, String owner) {
        Map<UUID, List<Long>> byBatch = new LinkedHashMap<>();
        for (OutboxEntry e : claimed) {
            byBatch.computeIfAbsent(e.deliveryBatchId(), b -> new ArrayList<>()).add(e.outboxId());
        }
        byBatch.forEach((batch, ids) -> InLists.forEachChunk(ids, chunk -> named.update(
                "UPDATE outbox SET lease_until = :until, lease_owner = :owner, delivery_batch_id = :batch WHERE outbox_id IN (:ids)",
                new MapSqlParameterSource("until", utc(leaseUntil)).addValue("owner", owner).addValue("batch", batch)
                        .addValue("ids", chunk))));
    }

    private static final String DUE_COLUMNS = "SELECT outbox_id, signal_id, municipality_code, attempts, created_at, urgent, delivery_batch_id, withdrawn_signal_id "
            + "FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now) AND ";

    /** A withdrawal notice's row names its signal in {@code withdrawn_signal_id}; the entry carries it as its signal. */
    private static final RowMapper<OutboxEntry> DUE = (rs, i) -> {
        UUID withdrawn = rs.getObject(8, UUID.class);
        return new OutboxEntry(rs.getLong(1), withdrawn == null ? rs.getObject(2, UUID.class) : withdrawn, rs.getString(3), rs.getInt(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getBoolean(6), rs.getObject(7, UUID.class),
                withdrawn == null ? OutboxKind.SIGNAL : OutboxKind.WITHDRAWAL);
    };

    /** The urgent lane: few entries (V14 indexes just them), oldest first over every municipality not excluded. */
    private List<OutboxEntry> dueUrgent(MapSqlParameterSource params, Set<String> excluded) {
        params.addValue("skip", excluded.isEmpty() ? List.of("-") : List.copyOf(excluded));
        return named.query(DUE_COLUMNS + "urgent AND municipality_code NOT IN (:skip) ORDER BY outbox_id FETCH FIRST :limit ROWS ONLY FOR UPDATE",
                params, DUE);
    }

    /**
     * The regular lane, one municipality after the other, each read from its own place in
     * {@code ix_outbox_waiting}: a municipality's backlog that is excluded (paused, leased by a
     * delivery in flight, breaker open) is never read past, however large (issue 16, point 6). An
     * entry waiting for its retry holds back the municipality's newer ones.
     */
    private List<OutboxEntry> dueRegular(MapSqlParameterSource params, Set<String> excluded, int limit) {
        Map<String, Long> heldBackFrom = new HashMap<>();
        // Not yet due means deferred past its creation (first attempts are at creation or later):
        // saying so lets PostgreSQL read just the deferred entries (V28), not every pending one.
        named.query("SELECT municipality_code, MIN(outbox_id) FROM outbox WHERE status = 'PENDING' AND next_attempt_at > :now "
                + "AND next_attempt_at > created_at GROUP BY municipality_code", params, rs -> {
                    heldBackFrom.put(rs.getString(1), rs.getLong(2));
                });
        List<OutboxEntry> due = new ArrayList<>();
        for (Map.Entry<String, Long> pending : municipalitiesWithPendingEntries().entrySet()) {
            String code = pending.getKey();
            if (due.size() >= limit) {
                break;
            }
            Long heldFrom = heldBackFrom.get(code);
            if (excluded.contains(code) || (heldFrom != null && heldFrom <= pending.getValue())) {
                // Left out, or held back from its oldest pending entry on (a retry, a daily delivery): no statement for it.
                continue;
            }
            // The code as a literal, as the lane is: for a parameter PostgreSQL's generic plan (pgjdbc
            // prepares on the server from the sixth use) walked the primary key past every other
            // municipality's entries; for a literal it knows how many the code has and reads its own
            // part of ix_outbox_waiting. Codes are the registry's (GM and four digits), checked again here.
            if (!Municipality.isCode(code)) {
                throw new IllegalStateException("outbox holds entries for a municipality code that is not one");
            }
            MapSqlParameterSource one = new MapSqlParameterSource("now", params.getValue("now"))
                    .addValue("limit", limit - due.size()).addValue("first", heldBackFrom.getOrDefault(code, Long.MAX_VALUE));
            due.addAll(named.query(DUE_COLUMNS + "NOT urgent AND municipality_code = '" + code + "' AND outbox_id < :first "
                    + "ORDER BY outbox_id FETCH FIRST :limit ROWS ONLY FOR UPDATE", one, DUE));
        }
        return due;
    }

    /**
     * The municipalities with pending entries, in code order, each with its oldest pending entry:
     * one look into the index per municipality (a loose index scan), not a read of every pending
     * entry.
     */
    private Map<String, Long> municipalitiesWithPendingEntries() {
        Map<String, Long> pending = new java.util.LinkedHashMap<>();
        jdbc.query("""
                WITH RECURSIVE m (code) AS (
                    SELECT MIN(municipality_code) FROM outbox WHERE status = 'PENDING'
                    UNION ALL
                    SELECT (SELECT MIN(o.municipality_code) FROM outbox o WHERE o.status = 'PENDING' AND o.municipality_code > m.code)
                    FROM m WHERE m.code IS NOT NULL)
                SELECT code, (SELECT MIN(o.outbox_id) FROM outbox o WHERE o.status = 'PENDING' AND o.municipality_code = m.code)
                FROM m WHERE code IS NOT NULL ORDER BY code""", rs -> {
                    pending.put(rs.getString(1), rs.getLong(2));
                });
        return pending;
    }

    /** How many pending entries each earlier batch among {@code due} has in all: a batch is sent whole or not at all. */
    private Map<UUID, Integer> pendingPerBatch(List<OutboxEntry> due) {
        List<UUID> batches = due.stream().map(OutboxEntry::deliveryBatchId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, Integer> pending = new HashMap<>();
        InLists.forEachChunk(batches, chunk -> named.query("""
                SELECT delivery_batch_id, COUNT(*) FROM outbox WHERE delivery_batch_id IN (:ids) AND status = 'PENDING'
                GROUP BY delivery_batch_id""", new MapSqlParameterSource("ids", chunk),
                rs -> {
                    pending.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }));
        return pending;
    }

    /**
     * Extends the leases {@code owner} holds on the entries of {@code batches} (deliveries running on
     * it) to {@code leaseUntil}; a lease that already ran out stays so, for another node may hold
     * the entries now. Returns how many entries were renewed.
     */
    public int renewLeases(String owner, Collection<UUID> batches, Instant now, Instant leaseUntil) {
        return transactions.execute(tx -> {
            List<Long> held = locked(BY_BATCH, List.copyOf(batches),
                    e -> e.pendingFor(owner) && e.leaseUntil() != null && !e.leaseUntil().isBefore(now));
            InLists.forEachChunk(held, chunk -> named.update("UPDATE outbox SET lease_until = :lease WHERE outbox_id IN (:ids)",
                    new MapSqlParameterSource("lease", utc(leaseUntil)).addValue("ids", chunk)));
            return held.size();
        });
    }

    /** Gives back every lease {@code owner} holds (a node stopping, or starting again after a crash): due again at once. */
    public int releaseAll(String owner) {
        return jdbc.update("UPDATE outbox SET lease_until = NULL, lease_owner = NULL WHERE lease_owner = ? AND status = 'PENDING'", owner);
    }

    /**
     * Records delivered entries: only those still pending, so an entry recorded by another node (a
     * re-send of the same batch) is not recorded twice. Returns the entries this call recorded. The
     * entries are locked by id, their status read under the lock, and the pending ones changed by
     * id, in one transaction (the caller's, if any): a second node recording the same batch waits
     * for the lock and then finds them delivered. Neither statement names the status: with it in the
     * update, PostgreSQL's planner, holding statistics from before a backlog built up (or none yet
     * on a table just filled), read every pending entry through a status index and tested each
     * against the ids, 121 ms per 1,000 instead of 12 (docs/benchmarks.md, issue 16).
     */
    public List<OutboxEntry> markDelivered(List<OutboxEntry> entries, Instant now) {
        return transactions.execute(tx -> {
            List<Long> pending = locked(BY_ID, ids(entries), Locked::pending);
            InLists.forEachChunk(pending, chunk -> named.update("UPDATE outbox SET status = 'DELIVERED', delivered_at = :now, lease_until = NULL, "
                    + "lease_owner = NULL, last_error = NULL WHERE outbox_id IN (:ids)",
                    new MapSqlParameterSource("now", utc(now)).addValue("ids", chunk)));
            Set<Long> recorded = new HashSet<>(pending);
            return entries.stream().filter(e -> recorded.contains(e.outboxId())).toList();
        });
    }

    /** An entry as read under its row lock: what decides whether a node may still change it. */
    private record Locked(long outboxId, String status, String leaseOwner, Instant leaseUntil) {

        boolean pending() {
            return PENDING.equals(status);
        }

        boolean pendingFor(String owner) {
            return pending() && owner.equals(leaseOwner);
        }
    }

    private static final String BY_ID = "outbox_id";
    private static final String BY_BATCH = "delivery_batch_id";

    /**
     * Locks the entries whose {@code column} is among {@code keys} until the transaction ends and
     * returns the ids of those that pass {@code still}, read under the lock. Only the key is in the
     * statement, never the status: see {@link #markDelivered}.
     */
    private List<Long> locked(String column, List<?> keys, Predicate<Locked> still) {
        List<Long> ids = new ArrayList<>();
        InLists.forEachChunk(keys, chunk -> named.query("SELECT outbox_id, status, lease_owner, lease_until FROM outbox WHERE " + column
                + " IN (:keys) ORDER BY outbox_id FOR UPDATE", new MapSqlParameterSource("keys", chunk), rs -> {
                    OffsetDateTime until = rs.getObject(4, OffsetDateTime.class);
                    Locked e = new Locked(rs.getLong(1), rs.getString(2), rs.getString(3), until == null ? null : until.toInstant());
                    if (still.test(e)) {
                        ids.add(e.outboxId());
                    }
                }));
        return ids;
    }

    /**
     * Records a failed attempt of entries {@code owner} still holds: they wait until
     * {@code nextAttempt}, or become dead letters together when {@code dead}. Every other pending
     * entry of the municipality waits as long, so its order is kept. An entry delivered meanwhile,
     * or leased by another node since, is left as it is. The error is a class name or HTTP status,
     * never a message that could carry personal data. Returns how many entries it recorded.
     */
    public int markFailed(List<OutboxEntry> entries, String owner, Instant nextAttempt, String errorClass, boolean dead) {
        return transactions.execute(tx -> {
            List<Long> held = locked(BY_ID, ids(entries), e -> e.pendingFor(owner));
            if (held.isEmpty()) {
                return 0;
            }
            InLists.forEachChunk(held, chunk -> named.update("""
                    UPDATE outbox SET attempts = attempts + 1, lease_until = NULL, lease_owner = NULL, next_attempt_at = :next,
                        last_error = :error, status = :status
                    WHERE outbox_id IN (:ids)""",
                    new MapSqlParameterSource("next", utc(nextAttempt)).addValue("error", errorClass)
                            .addValue("status", dead ? DEAD : PENDING).addValue("ids", chunk)));
            entries.stream().map(OutboxEntry::municipalityCode).distinct().forEach(code -> named.update("""
                    UPDATE outbox SET next_attempt_at = :next
                    WHERE municipality_code = :code AND status = 'PENDING' AND next_attempt_at < :next""",
                    new MapSqlParameterSource("next", utc(nextAttempt)).addValue("code", code)));
            return held.size();
        });
    }

    /** Gives claimed entries back untouched (not attempted): no attempt is counted. Only what {@code owner} still holds. */
    public void release(List<OutboxEntry> entries, String owner) {
        transactions.executeWithoutResult(tx -> InLists.forEachChunk(locked(BY_ID, ids(entries), e -> e.pendingFor(owner)),
                chunk -> named.update("UPDATE outbox SET lease_until = NULL, lease_owner = NULL WHERE outbox_id IN (:ids)",
                        new MapSqlParameterSource("ids", chunk))));
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::outboxId).toList();
    }
}
