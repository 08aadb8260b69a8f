package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import nl.signaalpoort.support.AbstractGatewayIT;
import org.junit.jupiter.api.Test;

/** The feedback loop seen from both sides: corrections, collection pause, repeats, history. */
class FeedbackIT extends AbstractGatewayIT {

    @Test
    void anInterimWantsHelpCorrectedToNoReactionShowsThePartnerTheCurrentCodeAndTheHistory() throws Exception {
        String signalId = deliveredSignal("FB");
        LocalDate contact = LocalDate.now().minusDays(3);

        JsonNode interim = report(signalId, "BUDGET_ADVICE_OR_QUICK_FIX", false, contact);
        assertThat(interim.get("partnerFeedbackCode").asText()).isEqualTo("WANTS_HELP");
        assertThat(interim.get("collectionPausedUntil").asText()).isEqualTo(contact.plusDays(30).toString());

        JsonNode afterInterim = history(signalId);
        assertThat(afterInterim.at("/current/code").asText()).isEqualTo("WANTS_HELP");
        assertThat(afterInterim.at("/current/finalOutcome").asBoolean()).isFalse();
        assertThat(afterInterim.at("/current/collectionPausedUntil").asText()).isEqualTo(contact.plusDays(30).toString());

        JsonNode finalReport = report(signalId, "NO_REACTION_AFTER_CONTACT", true, LocalDate.now());
        assertThat(finalReport.get("partnerFeedbackCode").asText()).isEqualTo("NOT_REACHED_OR_DECLINED");
        assertThat(finalReport.has("collectionPausedUntil")).isFalse();

        JsonNode later = history(signalId);
        assertThat(later.at("/current/code").asText()).isEqualTo("NOT_REACHED_OR_DECLINED");
        assertThat(later.at("/current/finalOutcome").asBoolean()).isTrue();
        assertThat(later.get("history")).hasSize(2);
        assertThat(later.at("/history/0/code").asText()).isEqualTo("WANTS_HELP");
        assertThat(later.at("/current/supersedesFeedbackId").asLong()).isEqualTo(later.at("/history/0/feedbackId").asLong());
        assertThat(later.toString()).doesNotContain("NO_REACTION_AFTER_CONTACT", "BUDGET_ADVICE");
    }

    @Test
    void theSameReportTwiceChangesNothing() throws Exception {
        String signalId = deliveredSignal("FB");
        LocalDate today = LocalDate.now();

        JsonNode first = report(signalId, "NO_HELP_WANTED", true, today);
        JsonNode again = report(signalId, "NO_HELP_WANTED", true, today);

        assertThat(first.get("repeated").asBoolean()).isFalse();
        assertThat(again.get("repeated").asBoolean()).isTrue();
        assertThat(history(signalId).get("history")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM outcomes WHERE signal_id = ?", UUID.fromString(signalId))).isEqualTo(1);
    }

    @Test
    void aPartnerSeesOnlyItsOwnSignalsHistory() throws Exception {
        String signalId = deliveredSignal("FB");
        report(signalId, "NO_HELP_WANTED", true, LocalDate.now());

        HttpResponse<String> other = as("partner-water").get("/api/v1/feedback/signals/" + signalId);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(json(other.body()).get("code").asText()).isEqualTo("UNKNOWN_SIGNAL");
        assertThat(as("gemeente-amsterdam").get("/api/v1/feedback/signals/" + signalId).statusCode()).isEqualTo(403);
    }

    private JsonNode report(String signalId, String outcome, boolean isFinal, LocalDate date) throws Exception {
        HttpResponse<String> response = as("gemeente-amsterdam").postJson("/api/v1/outcomes",
                "{\"signalId\":\"%s\",\"outcome\":\"%s\",\"finalOutcome\":%s,\"date\":\"%s\"}".formatted(signalId, outcome, isFinal, date));
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response.body());
    }

    private JsonNode history(String signalId) throws Exception {
        HttpResponse<String> response = as("partner-energie").get("/api/v1/feedback/signals/" + signalId);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body());
    }
}
