package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.signal.Pseudonyms;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.store.AuditRepository;
import nl.signaalpoort.store.AuditRepository.AuditRow;
import nl.signaalpoort.store.NewSignal;
import nl.signaalpoort.store.SignalRepository;
import nl.signaalpoort.store.StoredSignal;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SignalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What intake writes comes back exactly as written, on H2 (JDBC batches) and on PostgreSQL (JDBC
 * batches for a few rows, COPY's binary format for a chunk, where each value goes as its type's own
 * binary form: text with tabs, newlines and backslashes unescaped, raw bytea, NULLs): every
 * column of a signal, its sealed personal data and outbox entry, and an audit row. A chunk with a
 * reference stored before fails whole and leaves nothing of itself behind. The signals are for a
 * municipality no registry knows and due far in the future, so the running gateway never tries to
 * deliver them (their personal data is not really sealed).
 */
class StoreRoundTripIT extends AbstractGatewayIT {

    private static final String NOWHERE = "GM9903";

    @Autowired
    org.apache.camel.CamelContext camel;
    private static final Instant THEN = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    SignalRepository signals;

    @Autowired
    AuditRepository audit;

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void removeTheSignals() {
        jdbc.update("DELETE FROM outbox WHERE municipality_code = ?", NOWHERE);
        jdbc.update("DELETE FROM signals WHERE municipality_code = ?", NOWHERE);
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, 40})
    void entriesThatCannotBeWrittenLeaveNoBlockBehindEvenOutsideATransaction(int n) throws Exception {
        String subject = "unwritable-" + UUID.randomUUID();
        String emptyBlocks = "SELECT COUNT(*) FROM audit_blocks b WHERE NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.block_id = b.block_id)";
        List<AuditRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            // The last one's detail is longer than the column takes.
            rows.add(new AuditRow(0, Instant.now(), "GATEWAY", null, "ROUTE_SUSPENDED", "ROUTE", subject, i == n - 1 ? "x".repeat(501) : null,
                    null, null));
        }
        // The sealer stopped meanwhile, so a block left behind would still be there to find.
        camel.getRouteController().stopRoute(nl.signaalpoort.camel.Routes.AUDIT_SEAL);
        try {
            int before = count(emptyBlocks);

            assertThatThrownBy(() -> audit.append(rows)).isInstanceOf(org.springframework.dao.DataAccessException.class);

            assertThat(count("SELECT COUNT(*) FROM audit_entries WHERE subject_id = ?", subject)).isZero();
            assertThat(count(emptyBlocks)).isEqualTo(before);
        } finally {
            camel.getRouteController().startRoute(nl.signaalpoort.camel.Routes.AUDIT_SEAL);
        }
    }

    @ParameterizedTest(name = "among {0} others")
    @ValueSource(ints = {0, 40})
    void aSignalComesBackAsWritten(int others) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        byte[] awkward = {0, '\\', '\t', '\n', '\r', 'N', (byte) 0xff, '\\', 'x'};
        Signal crisis = SignalBuilder.valid().reference("RT-" + UUID.randomUUID()).crisis(true).build();
        Signal endOfSupply = SignalBuilder.valid().reference("RT-" + UUID.randomUUID())
                .endOfSupply(LocalDate.now().minusDays(3), LocalDate.now().plusDays(10)).build();
        NewSignal first = signal(crisis, now, awkward);
        NewSignal second = signal(endOfSupply, now.plusSeconds(1), new byte[0]);

        // Two alone go as single statements; among 40 others, on PostgreSQL, as COPY.
        List<NewSignal> chunk = new java.util.ArrayList<>(List.of(first, second));
        for (int i = 0; i < others; i++) {
            chunk.add(signal(SignalBuilder.valid().reference("RT-" + UUID.randomUUID()).build(), now, new byte[] {(byte) i}));
        }
        transactions.executeWithoutResult(tx -> signals.insertAccepted(chunk));

        List<StoredSignal> back = signals.loadForDelivery(List.of(second.signalId(), first.signalId()));
        assertThat(back).extracting(StoredSignal::signalId).containsExactly(second.signalId(), first.signalId());
        for (int i = 0; i < 2; i++) {
            NewSignal written = i == 0 ? second : first;
            StoredSignal read = back.get(i);
            assertThat(read.partnerId()).isEqualTo("demo-energie");
            assertThat(read.kind()).isEqualTo(written.signal().kind());
            assertThat(read.signalDate()).isEqualTo(written.signal().signalDate());
            assertThat(read.crisis()).isEqualTo(written.signal().crisis());
            assertThat(read.warmHandover()).isEqualTo(written.signal().warmHandover());
            assertThat(read.endOfSupplyDate()).isEqualTo(written.signal().endOfSupplyDate());
            assertThat(read.municipalityCode()).isEqualTo(NOWHERE);
            assertThat(read.personPseudonym()).isEqualTo(written.pseudonyms().person());
            assertThat(read.arrears()).isEqualTo(written.signal().arrears());
            assertThat(read.ruleSetId()).isEqualTo("energy/round-trip");
            assertThat(read.ruleSetVersion()).isEqualTo("v\\1\tx");
            assertThat(read.receivedAt()).isEqualTo(written.receivedAt());
            assertThat(read.masterKeyId()).isEqualTo(written.personalData().masterKeyId());
            assertThat(read.wrappedDataKey()).isEqualTo(written.personalData().wrappedDataKey());
            assertThat(read.personalCiphertext()).isEqualTo(written.personalData().ciphertext());
        }
        assertThat(first.signal().endOfSupplyDate()).isNull();
        assertThat(jdbc.queryForList("SELECT status FROM outbox WHERE signal_id IN (?, ?)", String.class, first.signalId(),
                second.signalId())).containsExactly("PENDING", "PENDING");
        Instant due = jdbc.queryForObject("SELECT next_attempt_at FROM outbox WHERE signal_id = ?",
                (rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), first.signalId());
        assertThat(due).isEqualTo(THEN);
        assertThat(jdbc.queryForObject("SELECT attempts FROM outbox WHERE signal_id = ?", Integer.class, second.signalId())).isZero();
        assertThat(jdbc.queryForObject("SELECT urgent FROM outbox WHERE signal_id = ?", Boolean.class, second.signalId())).isFalse();
        assertThat(jdbc.queryForObject("SELECT created_at FROM outbox WHERE signal_id = ?", java.time.OffsetDateTime.class, second.signalId())
                .toInstant()).isEqualTo(second.receivedAt());
        assertThat(jdbc.queryForObject("SELECT urgent FROM outbox WHERE signal_id = ?", Boolean.class, first.signalId())).isTrue();
        for (NewSignal written : List.of(first, second)) {
            assertThat(jdbc.queryForObject("SELECT total_amount_cents FROM signals WHERE signal_id = ?", Long.class, written.signalId()))
                    .isEqualTo(written.signal().arrears().totalAmount().cents());
        }
        assertThat(jdbc.queryForObject("SELECT household_pseudonym FROM signals WHERE signal_id = ?", String.class, first.signalId()))
                .isEqualTo(first.pseudonyms().household());
    }

    @Test
    void aChunkWithAReferenceStoredBeforeLeavesNothingBehind() {
        Signal earlier = SignalBuilder.valid().reference("RT-" + UUID.randomUUID()).build();
        transactions.executeWithoutResult(tx -> signals.insertAccepted(List.of(signal(earlier, Instant.now(), new byte[] {1}))));
        NewSignal fresh = signal(SignalBuilder.valid().reference("RT-" + UUID.randomUUID()).build(), Instant.now(), new byte[] {2});
        NewSignal again = signal(earlier, Instant.now(), new byte[] {3});

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> signals.insertAccepted(List.of(fresh, again))))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(count("SELECT COUNT(*) FROM signals WHERE signal_id IN (?, ?)", fresh.signalId(), again.signalId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE signal_id IN (?, ?)", fresh.signalId(), again.signalId())).isZero();
    }

    @ParameterizedTest(name = "among {0} others")
    @ValueSource(ints = {0, 40})
    void anAuditRowComesBackAsWrittenAndSealed(int others) {
        String subject = "round-trip-" + UUID.randomUUID();
        String detail = "tab=\t;newline=\n;cr=\r;backslash=\\;null=\\N;euro=€";
        List<AuditEntry> entries = new java.util.ArrayList<>();
        entries.add(AuditEntry.about(AuditEntry.Actor.GATEWAY, AuditAction.ROUTE_SUSPENDED, AuditEntry.SubjectType.ROUTE, subject,
                "note", detail));
        for (int i = 0; i < others; i++) {
            entries.add(AuditEntry.about(AuditEntry.Actor.GATEWAY, AuditAction.ROUTE_RESUMED, AuditEntry.SubjectType.ROUTE,
                    subject + "-" + i));
        }
        trail.record(entries);

        List<AuditRow> rows = audit.about(subject);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).actorOin()).isNull();
        assertThat(rows.get(0).detail()).contains(detail);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> audit.about(subject).get(0).chainSeq() != null);
        assertThat(audit.about(subject).get(0).detail()).isEqualTo(rows.get(0).detail());
        // Written once, as one block: chained in place, the block off the queue.
        assertThat(count("SELECT COUNT(*) FROM audit_entries WHERE subject_id = ?", subject)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_blocks b JOIN audit_entries e ON e.block_id = b.block_id WHERE e.subject_id = ?",
                subject)).isZero();
        assertThat(count("SELECT COUNT(DISTINCT e.block_id) FROM audit_entries e WHERE e.subject_id LIKE ?", subject + "%")).isEqualTo(1);
    }

    private static NewSignal signal(Signal signal, Instant receivedAt, byte[] ciphertext) {
        UUID id = UUID.randomUUID();
        String hex = id.toString().replace("-", "");
        return new NewSignal(id, "demo-energie", signal, NOWHERE, new Pseudonyms("k1", "p" + hex, "h" + hex, "t" + hex),
                new NewSignal.RuleSetVersion("energy/round-trip", "v\\1\tx"), receivedAt, THEN, signal.crisis(),
                new NewSignal.SealedPersonalData("m1", new byte[] {9, 8, 7}, ciphertext));
    }
}
