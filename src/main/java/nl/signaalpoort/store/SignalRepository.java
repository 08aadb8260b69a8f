package nl.signaalpoort.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.signaalpoort.signal.Arrears;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Signals (with their sealed personal data) and outbox entries. {@link #insertAccepted} writes both
 * in bulk ({@link BulkInsert}); the caller's transaction makes them one unit ("accepted means durable"). The
 * signal row is also the receipt: a resend of its reference gets its id and time back.
 */
@Repository
public class SignalRepository {


    /** The internal outcome of a signal whose case an update continues. */
    public static final String CONTINUED = "CONTINUED";

    private static final List<String> SIGNAL_COLUMNS = List.of("signal_id", "partner_id", "reference", "kind", "signal_date", "crisis",
            "warm_handover", "end_of_supply_date", "municipality_code", "person_pseudonym", "household_pseudonym", "tolerant_pseudonym",
            "pseudonym_key_id", "total_amount_cents", "arrears", "rule_set_id", "rule_set_version", "received_at", "master_key_id",
            "wrapped_data_key", "ciphertext", "updates_signal_id", "case_signal_id");

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Map<String, JsonNode> criteria = new ConcurrentHashMap<>();

    public SignalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Receipts already issued to this partner for any of these references. */
    public Map<String, StoredReceipt> findReceipts(String partnerId, Collection<String> references) {
        Map<String, StoredReceipt> found = new HashMap<>();
        InLists.forEachChunk(new ArrayList<>(references), chunk ->
            named.query("SELECT reference, signal_id, received_at FROM signals WHERE reference IN (:refs) AND partner_id = :partner",
                    new MapSqlParameterSource("partner", partnerId).addValue("refs", chunk),
                    rs -> {
                        String reference = rs.getString(1);
                        found.put(reference, new StoredReceipt(reference, rs.getObject(2, UUID.class),
                                rs.getObject(3, OffsetDateTime.class).toInstant()));
                    }));
        return found;
    }

    /** An earlier signal an update names: its id, the first signal of its case, and whether the partner withdrew it. */
    public record CaseLink(UUID signalId, UUID caseSignalId, boolean withdrawn) {
    }

    /** The partner's accepted signals with these references, as updates would continue them. */
    public Map<String, CaseLink> cases(String partnerId, Collection<String> references) {
        Map<String, CaseLink> found = new HashMap<>();
        InLists.forEachChunk(new ArrayList<>(references), chunk ->
            named.query("""
                    SELECT s.reference, s.signal_id, s.case_signal_id, w.signal_id FROM signals s
                    LEFT JOIN withdrawals w ON w.signal_id = s.signal_id WHERE s.reference IN (:refs) AND s.partner_id = :partner""",
                    new MapSqlParameterSource("partner", partnerId).addValue("refs", chunk),
                    rs -> {
                        UUID id = rs.getObject(2, UUID.class);
                        UUID root = rs.getObject(3, UUID.class);
                        found.put(rs.getString(1), new CaseLink(id, root == null ? id : root, rs.getObject(4) != null));
                    }));
        return found;
    }

    /**
     * The case an update continues is no longer the earlier signal's own: it gets the internal final
     * outcome {@value #CONTINUED} (no feedback, no notice), so it is not closed on its own as "not
     * reached"; the update carries the case on. In the intake's transaction.
     */
    private void continueCases(List<NewSignal> signals) {
        List<NewSignal> updates = signals.stream().filter(s -> s.updatesSignalId() != null).toList();
        if (updates.isEmpty()) {
            return;
        }
        // One statement per chunk, not per update: the signals of one transaction share their receipt time.
        Instant at = updates.get(0).receivedAt();
        InLists.forEachChunk(updates.stream().map(NewSignal::updatesSignalId).distinct().toList(), chunk -> named.update("""
                INSERT INTO outcomes (signal_id, municipality_code, outcome, final_outcome, outcome_date, reported_at)
                SELECT s.signal_id, s.municipality_code, :outcome, TRUE, :day, :at FROM signals s
                WHERE s.signal_id IN (:ids) AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.signal_id = s.signal_id AND o.final_outcome = TRUE)""",
                new MapSqlParameterSource("outcome", CONTINUED).addValue("day", at.atOffset(ZoneOffset.UTC).toLocalDate())
                        .addValue("at", utc(at)).addValue("ids", chunk)));
    }

    /** Whether this partner sent an early signal about the person with any of these pseudonyms before. */
    public boolean hasEarlySignal(String partnerId, List<String> personPseudonyms) {
        Integer found = named.queryForObject(
                "SELECT COUNT(*) FROM signals WHERE person_pseudonym IN (:pseudonyms) AND partner_id = :partner AND kind = 'EARLY'",
                new MapSqlParameterSource("pseudonyms", personPseudonyms).addValue("partner", partnerId), Integer.class);
        return found != null && found > 0;
    }

    public void insertAccepted(List<NewSignal> signals) {
        if (signals.isEmpty()) {
            return;
        }
        BulkInsert.insert(jdbc, "signals", SIGNAL_COLUMNS, signals, (s, row) -> {
            Signal signal = s.signal();
            row.uuid(s.signalId()).text(s.partnerId()).text(signal.reference()).text(signal.kind().name()).date(signal.signalDate())
                    .bool(signal.crisis()).bool(signal.warmHandover()).date(signal.endOfSupplyDate()).text(s.municipalityCode())
                    .text(s.pseudonyms().person()).text(s.pseudonyms().household()).text(s.pseudonyms().tolerantPerson())
                    .text(s.pseudonyms().keyId()).number(signal.arrears().totalAmount().cents()).text(StoreJson.toText(signal.arrears()))
                    .text(s.ruleSet().id()).text(s.ruleSet().version()).time(utc(s.receivedAt()))
                    .text(s.personalData().masterKeyId()).bytes(s.personalData().wrappedDataKey()).bytes(s.personalData().ciphertext())
                    .uuid(s.updatesSignalId()).uuid(s.caseSignalId());
        });
        continueCases(signals);
        BulkInsert.insert(jdbc, "outbox", List.of("signal_id", "municipality_code", "urgent", "status", "attempts", "next_attempt_at",
                "created_at"), signals, (s, row) -> row.uuid(s.signalId()).text(s.municipalityCode()).bool(s.urgent())
                        .text("PENDING").integer(0).time(utc(s.firstAttemptAt())).time(utc(s.receivedAt())));
    }

    /** Signals with their personal data, in the order of the ids given. */
    public List<StoredSignal> loadForDelivery(List<UUID> signalIds) {
        Map<UUID, StoredSignal> byId = new HashMap<>();
        InLists.forEachChunk(signalIds, chunk -> named.query("""
                SELECT s.signal_id, s.partner_id, s.kind, s.signal_date, s.crisis, s.warm_handover, s.end_of_supply_date,
                       s.municipality_code, s.person_pseudonym, s.arrears, s.rule_set_id, s.rule_set_version, s.received_at,
                       r.parameters, s.master_key_id, s.wrapped_data_key, s.ciphertext, s.updates_signal_id
                FROM signals s
                LEFT JOIN rule_set_versions r ON r.rule_set_id = s.rule_set_id AND r.version = s.rule_set_version
                WHERE s.signal_id IN (:ids)""", new MapSqlParameterSource("ids", chunk), rs -> {
            UUID id = rs.getObject(1, UUID.class);
            byId.put(id, new StoredSignal(id, rs.getString(2), SignalKind.valueOf(rs.getString(3)),
                    rs.getObject(4, java.time.LocalDate.class), rs.getBoolean(5), rs.getBoolean(6),
                    rs.getObject(7, java.time.LocalDate.class), rs.getString(8), rs.getString(9),
                    StoreJson.read(rs.getString(10), Arrears.class), rs.getString(11), rs.getString(12),
                    rs.getObject(13, OffsetDateTime.class).toInstant(), criteria(rs.getString(11), rs.getString(12), rs.getString(14)),
                    rs.getString(15), rs.getBytes(16),
                    rs.getBytes(17), rs.getObject(18, UUID.class)));
        }));
        List<StoredSignal> ordered = new ArrayList<>(signalIds.size());
        for (UUID id : signalIds) {
            StoredSignal s = byId.get(id);
            if (s == null) {
                throw new IllegalStateException("signal " + id + " has no stored data");
            }
            ordered.add(s);
        }
        return ordered;
    }

    /** Few versions exist and a version's criteria never change: each is parsed once. */
    private JsonNode criteria(String ruleSetId, String version, String json) {
        return json == null ? null : criteria.computeIfAbsent(ruleSetId + '/' + version, key -> StoreJson.tree(json));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
