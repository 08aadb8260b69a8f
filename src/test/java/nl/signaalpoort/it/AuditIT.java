package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;

/**
 * The audit trail through the running gateway: who did what to a signal, from receipt to
 * outcome, chained and verifiable; an edited or removed entry is found; operators export a period.
 */
class AuditIT extends AbstractGatewayIT {

    private static final String PARTNER_OIN = "00000099000000000101";
    private static final String AMSTERDAM_OIN = "00000099000000000363";

    @Test
    void aSignalsLifeIsInTheTrailInOrderAndChained() throws Exception {
        String signalId = deliveredSignal("AUDIT");
        String rejectedReference = SignalJson.uniqueReference("AUDITNO");
        as("partner-energie").postJson("/api/v1/signals", SignalJson.signal(rejectedReference, "0000XX", "130.00"));
        as("gemeente-amsterdam").postJson("/api/v1/outcomes",
                "{\"signalId\":\"" + signalId + "\",\"outcome\":\"BUDGET_ADVICE_OR_QUICK_FIX\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> sealed(signalId) == 3);
        JsonNode trail = json(as("operator").get("/ops/v1/audit/subjects/" + signalId).body());

        assertThat(trail).hasSize(3);
        assertThat(trail.get(0).get("action").asText()).isEqualTo("SIGNAL_ACCEPTED");
        assertThat(trail.get(0).get("actorRole").asText()).isEqualTo("PARTNER");
        assertThat(trail.get(0).get("actorOin").asText()).isEqualTo(PARTNER_OIN);
        assertThat(trail.get(0).get("detail").asText()).contains("channel=rest").contains("municipality=GM0363");
        assertThat(trail.get(1).get("action").asText()).isEqualTo("SIGNAL_DELIVERED");
        assertThat(trail.get(1).get("actorRole").asText()).isEqualTo("GATEWAY");
        assertThat(trail.get(1).get("detail").asText()).contains("municipality=GM0363").contains("batch=").contains("type=FILE");
        assertThat(trail.get(2).get("action").asText()).isEqualTo("OUTCOME_REPORTED");
        assertThat(trail.get(2).get("actorOin").asText()).isEqualTo(AMSTERDAM_OIN);
        assertThat(trail.get(2).get("detail").asText()).isEqualTo("partnerCode=WANTS_HELP;final=true");
        assertThat(trail.get(2).get("chainSeq").asLong()).isGreaterThan(trail.get(0).get("chainSeq").asLong());

        JsonNode rejected = json(as("operator").get("/ops/v1/audit/subjects/" + rejectedReference).body());
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("action").asText()).isEqualTo("SIGNAL_REJECTED");
        assertThat(rejected.get(0).get("detail").asText()).contains("INVALID_POSTCODE");

        JsonNode verdict = json(as("operator").get("/ops/v1/audit/verify").body());
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.get("sealed").asLong()).isEqualTo(verdict.get("headSeq").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anEditedOrRemovedEntryIsFound() throws Exception {
        String signalId = deliveredSignal("TAMPER");
        await().atMost(Duration.ofSeconds(10)).until(() -> sealed(signalId) == 2);
        Map<String, Object> row = jdbc.queryForMap("SELECT audit_id, chain_seq, detail FROM audit_log WHERE subject_id = ? "
                + "AND action = 'SIGNAL_DELIVERED'", signalId);
        long seq = ((Number) row.get("chain_seq")).longValue();
        try {
            jdbc.update("UPDATE audit_entries SET detail = 'municipality=GM0344' WHERE audit_id = ?", row.get("audit_id"));
            JsonNode edited = json(as("operator").get("/ops/v1/audit/verify").body());
            assertThat(edited.get("intact").asBoolean()).isFalse();
            assertThat(edited.get("brokenAt").asLong()).isEqualTo(seq);
        } finally {
            jdbc.update("UPDATE audit_entries SET detail = ? WHERE audit_id = ?", row.get("detail"), row.get("audit_id"));
        }
        assertThat(json(as("operator").get("/ops/v1/audit/verify").body()).get("intact").asBoolean()).isTrue();

        Map<String, Object> whole = jdbc.queryForMap("SELECT * FROM audit_entries WHERE audit_id = ?", row.get("audit_id"));
        // The time exactly as stored, whatever the JVM's zone: it is part of the hash.
        java.time.OffsetDateTime occurredAt = jdbc.queryForObject("SELECT occurred_at FROM audit_entries WHERE audit_id = ?",
                (rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class), row.get("audit_id"));
        String insert = "INSERT INTO audit_entries (audit_id, block_id, occurred_at, actor_role, actor_oin, action, subject_type, "
                + "subject_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.update("DELETE FROM audit_entries WHERE audit_id = ?", row.get("audit_id"));
        try {
            JsonNode removed = json(as("operator").get("/ops/v1/audit/verify").body());
            assertThat(removed.get("intact").asBoolean()).isFalse();
            assertThat(removed.get("brokenAt").asLong()).isEqualTo(seq);
        } finally {
            jdbc.update(insert, whole.get("audit_id"), whole.get("block_id"), occurredAt, whole.get("actor_role"), whole.get("actor_oin"),
                    whole.get("action"), whole.get("subject_type"), whole.get("subject_id"), whole.get("detail"));
        }
        assertThat(json(as("operator").get("/ops/v1/audit/verify").body()).get("intact").asBoolean()).isTrue();

        // An entry slipped into a block that was sealed already: in no chain and in no queue.
        long forged = jdbc.queryForObject("SELECT MAX(audit_id) FROM audit_entries", Long.class) + 1_000_000;
        jdbc.update(insert, forged, whole.get("block_id"), occurredAt, whole.get("actor_role"), whole.get("actor_oin"), "SIGNAL_WITHDRAWN",
                whole.get("subject_type"), whole.get("subject_id"), null);
        try {
            JsonNode added = json(as("operator").get("/ops/v1/audit/verify").body());
            assertThat(added.get("intact").asBoolean()).isFalse();
            assertThat(added.get("unchained").asLong()).isEqualTo(1);
            assertThat(added.hasNonNull("brokenAt")).isFalse();
        } finally {
            jdbc.update("DELETE FROM audit_entries WHERE audit_id = ?", forged);
        }
        JsonNode restored = json(as("operator").get("/ops/v1/audit/verify").body());
        assertThat(restored.get("intact").asBoolean()).isTrue();
        assertThat(restored.get("unchained").asLong()).isZero();
    }

    @Test
    void operatorsExportAPeriodAndOthersCannot() throws Exception {
        String signalId = deliveredSignal("EXPORT");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

        HttpResponse<String> export = as("operator").get("/ops/v1/audit?from=" + today + "&to=" + today);
        HttpResponse<String> empty = as("operator").get("/ops/v1/audit?from=" + today.minusDays(30) + "&to=" + today.minusDays(29));
        HttpResponse<String> partner = as("partner-energie").get("/ops/v1/audit?from=" + today + "&to=" + today);
        HttpResponse<String> backwards = as("operator").get("/ops/v1/audit?from=" + today + "&to=" + today.minusDays(1));

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = export.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("auditId;chainSeq;occurredAt;actorRole;actorOin;action;subjectType;subjectId;detail;entryHash");
        assertThat(lines).anyMatch(l -> l.contains(";SIGNAL_ACCEPTED;SIGNAL;" + signalId + ";"));
        assertThat(empty.body().lines()).hasSize(1);
        assertThat(partner.statusCode()).isEqualTo(403);
        assertThat(backwards.statusCode()).isEqualTo(400);
    }

    private int sealed(String subjectId) {
        return count("SELECT COUNT(*) FROM audit_log WHERE subject_id = ? AND chain_seq IS NOT NULL", subjectId);
    }
}
