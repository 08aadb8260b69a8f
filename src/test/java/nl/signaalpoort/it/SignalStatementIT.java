package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.JadesCheck;
import nl.signaalpoort.support.SignalJson;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * The signed statement a partner (a landlord before an eviction case) takes away about one of its
 * signals: checked with jose4j and the published gateway certificate alone, its audit entries found
 * in the sealed audit trail as the operators export it, nothing about the resident in it.
 */
class SignalStatementIT extends AbstractGatewayIT {

    @Test
    void aDeliveredSignalsStatementVerifiesWithTheGatewayCertificateAndNamesItsSealedAuditEntries() throws Exception {
        String signalId = deliveredSignal("STM");
        // The delivery's audit entry is sealed within a second or so; the statement names sealed entries only.
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT COUNT(*) FROM audit_log WHERE chain_seq IS NOT NULL AND subject_id = ? AND action IN ('SIGNAL_ACCEPTED', 'SIGNAL_DELIVERED')", signalId) == 2);

        HttpResponse<String> response = as("partner-energie").get("/api/v1/signals/" + signalId + "/statement");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response.body());
        String jws = body.get("jws").asText();

        X509Certificate gateway = JadesCheck.gatewayCertificate();
        JsonWebSignature signature = new JsonWebSignature();
        signature.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "PS256"));
        signature.setCompactSerialization(jws);
        signature.setKey(gateway.getPublicKey());
        assertThat(signature.verifySignature()).as("verifies with the published gateway certificate").isTrue();
        assertThat(signature.getCertificateChainHeaderValue().get(0)).isEqualTo(gateway);

        JsonNode signed = json(signature.getPayload());
        assertThat(signed).as("the statement shown is the statement signed").isEqualTo(body.get("statement"));
        assertThat(signed.get("type").asText()).isEqualTo("signaalpoort-signal-statement-v1");
        assertThat(signed.get("signalId").asText()).isEqualTo(signalId);
        assertThat(signed.at("/partner/id").asText()).isEqualTo("demo-energie");
        assertThat(signed.at("/partner/oin").asText()).isEqualTo("00000099000000000101");
        assertThat(signed.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(signed.get("municipalityCode").asText()).isEqualTo("GM0363");
        assertThat(signed.has("deliveredAt")).isTrue();
        assertThat(signed.has("withdrawnAt")).isFalse();

        // Each entry named is in the sealed chain, at its place, with its hash, as the operators' export shows it.
        JsonNode trail = signed.get("auditTrail");
        assertThat(trail).extracting(e -> e.get("action").asText()).contains("SIGNAL_ACCEPTED", "SIGNAL_DELIVERED");
        JsonNode exported = json(as("operator").get("/ops/v1/audit/subjects/" + signalId).body());
        for (JsonNode entry : trail) {
            List<Map<String, Object>> row = jdbc.queryForList("SELECT entry_hash, action FROM audit_log WHERE chain_seq = ?",
                    entry.get("chainSeq").asLong());
            assertThat(row).hasSize(1);
            assertThat(row.get(0).get("entry_hash")).isEqualTo(entry.get("entryHash").asText());
            assertThat(exported.toString()).contains(entry.get("entryHash").asText());
        }
        assertThat(json(as("operator").get("/ops/v1/audit/verify").body()).get("intact").asBoolean()).as("the chain itself holds").isTrue();

        String text = signature.getPayload().toLowerCase(Locale.ROOT);
        for (String personal : List.of("berg", "damrak", "1012lg", "1012 lg", "example.nl", "612345678", "1980-04-12")) {
            assertThat(text).doesNotContain(personal);
        }
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE subject_id = ? AND action = 'STATEMENT_ISSUED'", signalId)).isEqualTo(1);
    }

    @Test
    void aStatementIsOnlyForThePartnerThatSentTheSignal() throws Exception {
        String signalId = deliveredSignal("STM");
        String reference = json(as("partner-energie").get("/api/v1/signals/" + signalId).body()).get("reference").asText();
        assertThat(json(as("partner-energie").get("/api/v1/signals/by-reference/" + reference + "/statement").body())
                .at("/statement/signalId").asText()).isEqualTo(signalId);
        HttpResponse<String> other = as("partner-zorg").get("/api/v1/signals/" + signalId + "/statement");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(json(other.body()).get("code").asText()).isEqualTo("UNKNOWN_SIGNAL");
        assertThat(as("gemeente-amsterdam").get("/api/v1/signals/" + signalId + "/statement").statusCode()).isEqualTo(403);
        assertThat(as("partner-energie").get("/api/v1/signals/by-reference/" + SignalJson.uniqueReference("NONE") + "/statement")
                .statusCode()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE subject_id = ? AND action = 'STATEMENT_ISSUED'", signalId))
                .as("only the one issued").isEqualTo(1);
    }
}
