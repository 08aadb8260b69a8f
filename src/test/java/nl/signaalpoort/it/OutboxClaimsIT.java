package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.signaalpoort.store.OutboxEntry;
import nl.signaalpoort.store.OutboxLane;
import nl.signaalpoort.store.OutboxRepository;
import nl.signaalpoort.support.AbstractGatewayIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's claims as two nodes see them, on the real database: one node at a time per
 * municipality, leases that name their node and run out, batches that stay the same delivery,
 * and records that a failure or a second node cannot undo. The entries lie far in the future (and
 * for a municipality no registry knows), so the running gateway's own dispatcher never sees them;
 * the test claims "then".
 */
class OutboxClaimsIT extends AbstractGatewayIT {

    private static final String M1 = "GM9901";
    private static final String M2 = "GM9902";
    private static final Instant THEN = Instant.parse("2100-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(45);

    @Autowired
    OutboxRepository outbox;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void removeTheEntries() {
        jdbc.update("DELETE FROM outbox WHERE municipality_code IN (?, ?)", M1, M2);
        jdbc.update("DELETE FROM signals WHERE municipality_code IN (?, ?)", M1, M2);
    }

    @Test
    void twoNodesClaimingAtOnceNeverShareAMunicipalityAndTheOtherWaitsOutTheLease() throws Exception {
        entries(M1, 6);
        entries(M2, 4);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<OutboxEntry> a;
        List<OutboxEntry> b;
        try {
            // Six at most per claim: one node's claim holds one municipality's entries, so both nodes get work.
            Future<List<OutboxEntry>> fa = two.submit(() -> outbox.claimDue(OutboxLane.REGULAR, THEN, THEN.plus(LEASE), "node-a", 6, others(), code -> 2));
            Future<List<OutboxEntry>> fb = two.submit(() -> outbox.claimDue(OutboxLane.REGULAR, THEN, THEN.plus(LEASE), "node-b", 6, others(), code -> 2));
            a = fa.get();
            b = fb.get();
        } finally {
            two.shutdownNow();
        }
        Set<String> byA = municipalities(a);
        Set<String> byB = municipalities(b);
        assertThat(byA).hasSize(1);
        assertThat(byB).hasSize(1).doesNotContainAnyElementsOf(byA);
        assertThat(a.size() + b.size()).isEqualTo(10);

        // While the leases hold, nobody gets those municipalities again, not even their own entries.
        assertThat(claim("node-c", THEN.plusSeconds(10)).call()).isEmpty();
        // Once they ran out (the node died), another node takes the very same deliveries.
        List<OutboxEntry> afterwards = claim("node-c", THEN.plus(LEASE).plusSeconds(1)).call();
        assertThat(batches(afterwards)).isEqualTo(batches(concat(a, b)));
        assertThat(owners(afterwards)).containsOnly("node-c");
    }

    @Test
    void aBatchIsFixedAtItsFirstClaimAndComesBackWholeAndInOrder() throws Exception {
        List<UUID> signals = entries(M1, 5);
        List<OutboxEntry> first = claim("node-a", THEN).call();
        assertThat(first).extracting(OutboxEntry::signalId).containsExactlyElementsOf(signals);
        List<List<UUID>> batches = batches(first);
        assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);

        outbox.release(first, "node-a");
        entries(M1, 1);
        List<OutboxEntry> again = claim("node-b", THEN).call();
        // The same three deliveries with the same signals, and the new entry in a batch of its own after them.
        assertThat(batches(again).subList(0, 3)).isEqualTo(batches);
        assertThat(batches(again)).hasSize(4);
        assertThat(batches(again).get(3)).hasSize(1).doesNotContainAnyElementsOf(signals);
    }

    @Test
    void aClaimLimitNeverCutsABatchAndNothingOvertakesTheOneItWouldHaveCut() throws Exception {
        entries(M1, 4);
        List<OutboxEntry> first = claim("node-a", THEN).call();
        outbox.release(first, "node-a");
        List<OutboxEntry> limited = outbox.claimDue(OutboxLane.REGULAR, THEN, THEN.plus(LEASE), "node-b", 3, others(), code -> 2);
        // Three would cut the second batch of two: only the first goes.
        assertThat(limited).hasSize(2);
        assertThat(limited.get(0).deliveryBatchId()).isEqualTo(first.get(0).deliveryBatchId());
    }

    @Test
    void anAcknowledgedDeliveryStaysDeliveredWhateverIsRecordedAfterIt() throws Exception {
        entries(M1, 2);
        List<OutboxEntry> claimed = claim("node-a", THEN).call();
        assertThat(outbox.markDelivered(claimed, THEN)).hasSize(2);

        // The defect of issue 14: a failure recorded afterwards (the database was away when the 2xx came) turned DELIVERED back into PENDING.
        outbox.markFailed(claimed, "node-a", THEN.plusSeconds(60), "java.net.ConnectException", false);
        outbox.release(claimed, "node-a");
        assertThat(statuses(M1)).containsOnly(OutboxRepository.DELIVERED);
        // A second node that sent the same batch again records nothing twice.
        assertThat(outbox.markDelivered(claimed, THEN.plusSeconds(1))).isEmpty();
    }

    @Test
    void twoNodesRecordingTheSameBatchAtOnceRecordItOnce() throws Exception {
        entries(M1, 3);
        List<OutboxEntry> claimed = claim("node-a", THEN).call();
        CountDownLatch recordedByA = new CountDownLatch(1);
        CountDownLatch commitA = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<List<OutboxEntry>> a = two.submit(() -> transactions.execute(tx -> {
                List<OutboxEntry> recorded = outbox.markDelivered(claimed, THEN);
                recordedByA.countDown();
                try {
                    commitA.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return recorded;
            }));
            assertThat(recordedByA.await(10, TimeUnit.SECONDS)).isTrue();
            // Node B records the same batch while A's transaction is still open: it waits for A's row locks...
            Future<List<OutboxEntry>> b = two.submit(() -> outbox.markDelivered(claimed, THEN.plusSeconds(1)));
            await().atMost(Duration.ofSeconds(10)).until(this::aSessionWaitsForALock);
            assertThat(b.isDone()).isFalse();
            commitA.countDown();
            // ...and then finds them delivered: recorded once, at A's time.
            assertThat(a.get(10, TimeUnit.SECONDS)).hasSize(3);
            assertThat(b.get(10, TimeUnit.SECONDS)).isEmpty();
        } finally {
            commitA.countDown();
            two.shutdownNow();
        }
        assertThat(statuses(M1)).containsOnly(OutboxRepository.DELIVERED);
        assertThat(jdbc.queryForList("SELECT delivered_at FROM outbox WHERE municipality_code = ?", OffsetDateTime.class, M1))
                .extracting(OffsetDateTime::toInstant).containsOnly(THEN);
    }

    /** The database's own view: a session blocked by another's lock. */
    private boolean aSessionWaitsForALock() {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> c.isWrapperFor(PGConnection.class)));
        String waiting = postgres
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        return jdbc.queryForObject(waiting, Integer.class) > 0;
    }

    @Test
    void aNodeCanOnlyFailOrReleaseWhatItStillHolds() throws Exception {
        entries(M1, 2);
        List<OutboxEntry> byA = claim("node-a", THEN).call();
        // node-a stalled past its lease; node-b took the entries over.
        List<OutboxEntry> byB = claim("node-b", THEN.plus(LEASE).plusSeconds(1)).call();
        assertThat(byB).hasSize(2);

        outbox.markFailed(byA, "node-a", THEN.plusSeconds(3600), "HTTP 503", true);
        outbox.release(byA, "node-a");
        assertThat(owners(M1)).containsOnly("node-b");
        assertThat(statuses(M1)).containsOnly("PENDING");
        // Nor does the stale node's failure hold back the municipality's queue.
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE municipality_code = ? AND next_attempt_at > ?", M1,
                THEN.atOffset(ZoneOffset.UTC))).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE municipality_code = ? AND attempts > 0", M1)).isZero();
    }

    @Test
    void aBatchWaitingForItsRetryHoldsBackNewerOnesButNotAnUrgentOne() throws Exception {
        entries(M1, 2);
        List<OutboxEntry> failed = claim("node-a", THEN).call();
        outbox.markFailed(failed, "node-a", THEN.plusSeconds(60), "HTTP 503", false);
        List<UUID> newer = entries(M1, 1);
        UUID urgent = entries(M1, 1).get(0);
        jdbc.update("UPDATE outbox SET urgent = TRUE WHERE signal_id = ?", urgent);

        // Due now, but behind a batch that waits: nothing goes in the regular lane, the crisis signal in its own.
        assertThat(claim("node-a", THEN.plusSeconds(1)).call()).isEmpty();
        assertThat(urgentClaim("node-a", THEN.plusSeconds(1)).call()).extracting(OutboxEntry::signalId).containsExactly(urgent);
        outbox.releaseAll("node-a");
        jdbc.update("UPDATE outbox SET status = 'DELIVERED' WHERE signal_id = ?", urgent);
        // Once the retry is due, the failed batch goes first, the newer entry after it.
        List<OutboxEntry> retry = claim("node-a", THEN.plusSeconds(61)).call();
        assertThat(retry).extracting(OutboxEntry::signalId).endsWith(newer.get(0));
        assertThat(batches(retry).get(0)).isEqualTo(batches(failed).get(0));
    }

    @Test
    void leasesAreRenewedForTheOwnerWhileTheyHoldAndGivenBackAtOnce() throws Exception {
        entries(M1, 2);
        entries(M2, 2);
        List<OutboxEntry> a = claim("node-a", THEN).call();
        Set<UUID> batches = a.stream().map(OutboxEntry::deliveryBatchId).collect(Collectors.toSet());

        assertThat(outbox.renewLeases("node-b", batches, THEN.plusSeconds(10), THEN.plusSeconds(55))).isZero();
        assertThat(outbox.renewLeases("node-a", batches, THEN.plusSeconds(10), THEN.plusSeconds(55))).isEqualTo(4);
        // Renewed: still held when the first lease would have run out.
        assertThat(claim("node-b", THEN.plus(LEASE).plusSeconds(1)).call()).isEmpty();
        // A lease that ran out stays out: another node may hold the entries by then.
        assertThat(outbox.renewLeases("node-a", batches, THEN.plusSeconds(56), THEN.plusSeconds(100))).isZero();

        assertThat(outbox.releaseAll("node-a")).isEqualTo(4);
        assertThat(claim("node-b", THEN.plusSeconds(57)).call()).hasSize(4);
    }

    /**
     * A crisis signal arriving while its municipality's regular lane is leased (a backlog being
     * delivered) is claimed in the urgent lane at once; the regular lane never takes it; and the
     * urgent lane, too, is one node at a time per municipality.
     */
    @Test
    void anUrgentSignalIsClaimedBesideARegularDeliveryInFlightAndOnlyOnce() throws Exception {
        entries(M1, 4);
        List<OutboxEntry> regular = claim("node-a", THEN).call();
        assertThat(regular).hasSize(4).noneMatch(OutboxEntry::urgent);
        UUID crisis = entries(M1, 1).get(0);
        jdbc.update("UPDATE outbox SET urgent = TRUE WHERE signal_id = ?", crisis);
        List<UUID> later = entries(M1, 1);

        assertThat(claim("node-b", THEN.plusSeconds(1)).call()).isEmpty();
        List<OutboxEntry> urgent = urgentClaim("node-b", THEN.plusSeconds(1)).call();
        assertThat(urgent).extracting(OutboxEntry::signalId).containsExactly(crisis);
        assertThat(regular).extracting(OutboxEntry::deliveryBatchId).doesNotContain(urgent.get(0).deliveryBatchId());
        UUID second = entries(M1, 1).get(0);
        jdbc.update("UPDATE outbox SET urgent = TRUE WHERE signal_id = ?", second);
        // node-b's urgent delivery to M1 is in flight: neither node claims M1's urgent lane now.
        assertThat(urgentClaim("node-a", THEN.plusSeconds(2)).call()).isEmpty();

        outbox.markDelivered(regular, THEN.plusSeconds(3));
        outbox.markDelivered(urgent, THEN.plusSeconds(3));
        assertThat(claim("node-a", THEN.plusSeconds(4)).call()).extracting(OutboxEntry::signalId).containsExactlyElementsOf(later);
        assertThat(urgentClaim("node-a", THEN.plusSeconds(4)).call()).extracting(OutboxEntry::signalId).containsExactly(second);
    }

    private Callable<List<OutboxEntry>> claim(String node, Instant now) {
        return () -> outbox.claimDue(OutboxLane.REGULAR, now, now.plus(LEASE), node, 1000, others(), code -> 2);
    }

    private Callable<List<OutboxEntry>> urgentClaim(String node, Instant now) {
        return () -> outbox.claimDue(OutboxLane.URGENT, now, now.plus(LEASE), node, 1000, others(), code -> 2);
    }

    /**
     * A backlog of 20,000 for one municipality: the first claim takes the oldest 5,000, the next
     * (that municipality now being leased) the other municipality's entries, the rest nothing; and
     * from the sixth claim on (pgjdbc then prepares the statement on the server, which may plan it
     * generically) a claim must not turn into a scan of the backlog per entry in it. The bound is
     * liveness, not speed: a quadratic claim over this backlog takes minutes, a linear one a
     * fraction of a second (bench/DeliveryBacklog.java measures it).
     */
    @Test
    void aLargeBacklogForOneMunicipalityNeitherStallsTheClaimsNorHoldsBackAnother() {
        bulkEntries(M1, 20_000);
        List<UUID> second = entries(M2, 3);
        List<List<OutboxEntry>> claims = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            List<List<OutboxEntry>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(outbox.claimDue(OutboxLane.REGULAR, THEN, THEN.plus(LEASE), "node-a", 5_000, others(), code -> 1_000));
            }
            return all;
        });
        assertThat(claims.get(0)).hasSize(5_000).allSatisfy(e -> assertThat(e.municipalityCode()).isEqualTo(M1));
        assertThat(claims.get(1)).extracting(OutboxEntry::signalId).containsExactlyElementsOf(second);
        assertThat(claims.subList(2, 8)).allSatisfy(claim -> assertThat(claim).isEmpty());
    }

    /**
     * A municipality left out of the claim (its breaker open, its route paused) keeps its backlog
     * untouched, and the municipality after it is claimed: the claim reads each municipality from
     * its own place in the outbox, not past the one left out.
     */
    @Test
    void aBacklogLeftOutStaysUntouchedAndTheMunicipalityAfterItIsClaimed() {
        bulkEntries(M1, 20_000);
        List<UUID> second = entries(M2, 3);
        Set<String> skip = new java.util.HashSet<>(others());
        skip.add(M1);
        assertThat(outbox.claimDue(OutboxLane.REGULAR, THEN, THEN.plus(LEASE), "node-a", 5_000, skip, code -> 1_000))
                .extracting(OutboxEntry::signalId).containsExactlyElementsOf(second);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE municipality_code = ? AND lease_owner IS NOT NULL", M1)).isZero();
        assertThat(outbox.claimDue(OutboxLane.REGULAR, THEN, THEN.plus(LEASE), "node-a", 5_000, others(), code -> 1_000))
                .hasSize(5_000).allSatisfy(e -> assertThat(e.municipalityCode()).isEqualTo(M1));
    }

    /** Every other municipality with entries (other tests' pending ones, due long before 2100): left alone here. */
    private Set<String> others() {
        return Set.copyOf(jdbc.queryForList("SELECT DISTINCT municipality_code FROM outbox WHERE municipality_code NOT IN (?, ?)",
                String.class, M1, M2));
    }

    /** {@code n} pending entries for a municipality, due at {@link #THEN}, oldest first; returns their signal ids. */
    private List<UUID> entries(String municipality, int n) {
        List<UUID> ids = new ArrayList<>();
        OffsetDateTime received = THEN.minusSeconds(60).atOffset(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            jdbc.update("""
                    INSERT INTO signals (signal_id, partner_id, reference, kind, signal_date, crisis, warm_handover, municipality_code,
                        person_pseudonym, household_pseudonym, tolerant_pseudonym, pseudonym_key_id, total_amount_cents, arrears,
                        rule_set_id, rule_set_version, received_at)
                    VALUES (?, 'claims-it', ?, 'EARLY', DATE '2099-12-31', FALSE, FALSE, ?, 'p', 'h', 't', 'k', 5000, '[]', 'r', 'v', ?)""",
                    id, id.toString().substring(0, 30), municipality, received);
            jdbc.update("""
                    INSERT INTO outbox (signal_id, municipality_code, urgent, status, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, FALSE, 'PENDING', 0, ?, ?)""", id, municipality, THEN.atOffset(ZoneOffset.UTC), received);
            ids.add(id);
        }
        return ids;
    }

    /** {@code n} pending entries for a municipality, due at {@link #THEN}, written in two batches. */
    private void bulkEntries(String municipality, int n) {
        OffsetDateTime received = THEN.minusSeconds(60).atOffset(ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        jdbc.batchUpdate("""
                INSERT INTO signals (signal_id, partner_id, reference, kind, signal_date, crisis, warm_handover, municipality_code,
                    person_pseudonym, household_pseudonym, tolerant_pseudonym, pseudonym_key_id, total_amount_cents, arrears,
                    rule_set_id, rule_set_version, received_at)
                VALUES (?, 'claims-it', ?, 'EARLY', DATE '2099-12-31', FALSE, FALSE, ?, 'p', 'h', 't', 'k', 5000, '[]', 'r', 'v', ?)""",
                ids, 1_000, (ps, id) -> {
                    ps.setObject(1, id);
                    ps.setString(2, id.toString().substring(0, 30));
                    ps.setString(3, municipality);
                    ps.setObject(4, received);
                });
        jdbc.batchUpdate("""
                INSERT INTO outbox (signal_id, municipality_code, urgent, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, FALSE, 'PENDING', 0, ?, ?)""", ids, 1_000, (ps, id) -> {
            ps.setObject(1, id);
            ps.setString(2, municipality);
            ps.setObject(3, THEN.atOffset(ZoneOffset.UTC));
            ps.setObject(4, received);
        });
    }

    private static Set<String> municipalities(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::municipalityCode).collect(Collectors.toSet());
    }

    /** The claimed entries as batches of signal ids, in order. */
    private static List<List<UUID>> batches(List<OutboxEntry> entries) {
        java.util.Map<UUID, List<UUID>> batches = new java.util.LinkedHashMap<>();
        entries.stream().sorted(java.util.Comparator.comparing(OutboxEntry::municipalityCode).thenComparing(OutboxEntry::outboxId))
                .forEach(e -> batches.computeIfAbsent(e.deliveryBatchId(), k -> new ArrayList<>()).add(e.signalId()));
        return List.copyOf(batches.values());
    }

    private static List<OutboxEntry> concat(List<OutboxEntry> a, List<OutboxEntry> b) {
        List<OutboxEntry> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Set<String> owners(List<OutboxEntry> entries) {
        return entries.stream().map(e -> jdbc.queryForObject("SELECT lease_owner FROM outbox WHERE outbox_id = ?", String.class,
                e.outboxId())).collect(Collectors.toSet());
    }

    private List<String> owners(String municipality) {
        return jdbc.queryForList("SELECT lease_owner FROM outbox WHERE municipality_code = ?", String.class, municipality);
    }

    private List<String> statuses(String municipality) {
        return jdbc.queryForList("SELECT status FROM outbox WHERE municipality_code = ?", String.class, municipality);
    }
}
