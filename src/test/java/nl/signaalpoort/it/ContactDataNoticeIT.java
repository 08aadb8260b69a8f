package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;

/**
 * "Contact data wrong / no longer at this address" through the real channels: a municipality gives
 * the notice; the health insurer registered for it (under its legal basis) reads it, once; the
 * energy supplier, not registered, hears nothing and cannot read any; nothing personal travels.
 */
class ContactDataNoticeIT extends AbstractGatewayIT {

    @Test
    void aNoticeReachesOnlyAPartnerRegisteredForItAndOnlyOnce() throws Exception {
        String reference = SignalJson.uniqueReference("CDN");
        String zorg = json(as("partner-zorg").postJson("/api/v1/signals",
                SignalJson.healthSignal(reference, SignalJson.AMSTERDAM, "90.00", "10.00", "100.00")).body()).at("/receipts/0/signalId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(
                jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(zorg))));
        long cursor = json(as("partner-zorg").get("/api/v1/partners/me/contact-data-notices?after=0&limit=1000").body()).get("cursor").asLong();

        HttpResponse<String> given = as("gemeente-amsterdam").postJson("/api/v1/contact-data-notices", "{\"signalId\":\"" + zorg + "\"}");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
        assertThat(json(given.body()).get("passedOn").asBoolean()).isTrue();
        assertThat(json(given.body()).get("repeated").asBoolean()).isFalse();
        JsonNode again = json(as("gemeente-amsterdam").postJson("/api/v1/contact-data-notices", "{\"signalId\":\"" + zorg + "\"}").body());
        assertThat(again.get("repeated").asBoolean()).as("the same notice again changes nothing").isTrue();

        HttpResponse<String> page = as("partner-zorg").get("/api/v1/partners/me/contact-data-notices?after=" + cursor);
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode items = json(page.body()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("signalId").asText()).isEqualTo(zorg);
        assertThat(items.get(0).get("reference").asText()).isEqualTo(reference);
        assertThat(page.body()).doesNotContain("Berg").doesNotContain("Damrak").doesNotContain("1012").doesNotContain("Example.NL");
        assertThat(count("SELECT COUNT(*) FROM feedback_items WHERE signal_id = ?", UUID.fromString(zorg)))
                .as("a notice, not an outcome").isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CONTACT_DATA_NOTICE' AND subject_id = ? AND detail LIKE ?", zorg,
                "%passedOn=true%")).isEqualTo(1);

        // The same over SOAP (the insurer signs its messages, profile 2W-be-S).
        nl.signaalpoort.intake.soap.contract.FetchContactDataNotices fetch = new nl.signaalpoort.intake.soap.contract.FetchContactDataNotices();
        fetch.setAfter(cursor);
        var soapPage = nl.signaalpoort.support.SoapClients.port("partner-zorg", port, true).fetchContactDataNotices(fetch);
        assertThat(soapPage.getNotice()).hasSize(1);
        assertThat(soapPage.getNotice().get(0).getSignalId()).isEqualTo(zorg);
        assertThat(soapPage.getNotice().get(0).getReference()).isEqualTo(reference);
        assertThat(soapPage.getCursor()).isEqualTo(items.get(0).get("noticeId").asLong());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nl.signaalpoort.support.SoapClients.port("partner-energie", port, false)
                .fetchContactDataNotices(fetch)).isInstanceOfSatisfying(nl.signaalpoort.intake.soap.contract.Fault_Exception.class,
                        e -> assertThat(e.getFaultInfo().getCode()).isEqualTo("FORBIDDEN"));

        // And as a file in the insurer's SFTP outbox; never in the energy supplier's.
        writer.writeDue();
        try (var files = java.nio.file.Files.list(FILES.outbox("demo-zorg"))) {
            assertThat(files.filter(f -> f.getFileName().toString().matches("contact-data-notices-\\d+-\\d+\\.csv"))
                    .map(f -> read(f)).filter(t -> t.contains(zorg)).toList())
                    .singleElement().asString().startsWith("noticeId;signalId;reference;date").contains(reference)
                    .doesNotContain("Berg").doesNotContain("Damrak");
        }
        try (var files = java.nio.file.Files.list(FILES.outbox("demo-energie"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("contact-data-notices-"));
        }

        // The energy supplier has no agreement: the notice is audited and goes no further.
        String energie = deliveredSignal("CDN");
        JsonNode notPassed = json(as("gemeente-amsterdam").postJson("/api/v1/contact-data-notices", "{\"signalId\":\"" + energie + "\"}").body());
        assertThat(notPassed.get("passedOn").asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM contact_data_notices WHERE signal_id = ?", UUID.fromString(energie))).isZero();
        assertThat(as("partner-energie").get("/api/v1/partners/me/contact-data-notices").statusCode()).isEqualTo(403);

        // Only for a signal delivered to a municipality the caller acts for.
        HttpResponse<String> notHers = as("gemeente-utrecht").postJson("/api/v1/contact-data-notices", "{\"signalId\":\"" + zorg + "\"}");
        assertThat(json(notHers.body()).get("code").asText()).isEqualTo("UNKNOWN_SIGNAL");
        assertThat(json(as("gemeente-amsterdam").postJson("/api/v1/contact-data-notices", "{}").body()).get("code").asText())
                .isEqualTo("MISSING_SIGNAL_ID");
        assertThat(json(as("gemeente-amsterdam").postJson("/api/v1/contact-data-notices", "{\"signalId\":\"" + zorg + "\",\"address\":\"x\"}")
                .body()).get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(as("partner-zorg").postJson("/api/v1/contact-data-notices", "{\"signalId\":\"" + zorg + "\"}").statusCode()).isEqualTo(403);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private nl.signaalpoort.feedback.FeedbackFileWriter writer;

    private static String read(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
