package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;

/** Partner rule sets through the REST channel: explained rejections, transparency, criteria for municipalities. */
class RulesIT extends AbstractGatewayIT {

    private static final String SIGNALS = "/api/v1/signals";

    @Test
    void aSignalBreakingSeveralRulesGetsEveryReasonAndNothingOfItIsStoredOrDelivered() throws Exception {
        String reference = SignalJson.uniqueReference("RULES");
        ObjectNode signal = signal(reference, SignalJson.UTRECHT, "49.99");
        ((ObjectNode) signal.get("debtor")).put("legalForm", "PRIVATE_LIMITED_COMPANY");
        ((ObjectNode) signal.get("address")).put("street", reference);
        ObjectNode arrears = (ObjectNode) signal.get("arrears");
        arrears.put("termsOverdue", 1).put("remindersSent", 0).put("knownDebtArrangement", true)
                .put("oldestDueDate", LocalDate.now().minusDays(140).toString());
        int outboxBefore = count("SELECT COUNT(*) FROM outbox");

        JsonNode receipt = json(as("partner-energie").postJson(SIGNALS, signal.toString(), "en").body()).at("/receipts/0");

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(codes(receipt.get("reasons"))).containsExactlyInAnyOrder("LEGAL_ENTITY", "BELOW_MINIMUM_AMOUNT",
                "KNOWN_DEBT_ARRANGEMENT", "TOO_FEW_TERMS", "TOO_FEW_REMINDERS", "OUTSIDE_ARREARS_WINDOW");
        receipt.get("reasons").forEach(r -> assertThat(r.get("message").asText()).isNotBlank().doesNotContain("reason."));
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", reference)).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);
        // Several delivery polls pass; the municipality never sees any of it.
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> MunicipalStub.server().getAllServeEvents()
                .stream().noneMatch(e -> e.getRequest().getBodyAsString().contains(reference)));
    }

    @Test
    void aHealthInsurerIsJudgedOnPremiumWhileTheTotalCarriesTheDeductible() throws Exception {
        String below = SignalJson.healthSignal(SignalJson.uniqueReference("PREM"), SignalJson.AMSTERDAM, "70.00", "385.00", "455.00");
        String enough = SignalJson.healthSignal(SignalJson.uniqueReference("PREM"), SignalJson.AMSTERDAM, "75.00", "385.00", "460.00");

        JsonNode refused = json(as("partner-zorg").postJson(SIGNALS, below).body()).at("/receipts/0");
        JsonNode accepted = json(as("partner-zorg").postJson(SIGNALS, enough).body()).at("/receipts/0");

        assertThat(codes(refused.get("reasons"))).containsExactly("BELOW_MINIMUM_AMOUNT");
        assertThat(refused.at("/reasons/0/field").asText()).isEqualTo("arrears.premiumAmount");
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void anEndOfSupplySignalWithoutAnEarlierEarlySignalIsAcceptedWithAWarning() throws Exception {
        // Same person in both signals: the pseudonym links them, never the name.
        String surname = "Vroeg" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        ObjectNode endOfSupply = signal(SignalJson.uniqueReference("EOS"), SignalJson.AMSTERDAM, "130.00");
        endOfSupply.put("kind", "END_OF_SUPPLY").put("endOfSupplyDate", LocalDate.now().plusDays(45).toString());
        ((ObjectNode) endOfSupply.get("debtor")).put("surname", surname);

        JsonNode first = json(as("partner-energie").postJson(SIGNALS, endOfSupply.toString()).body()).at("/receipts/0");

        assertThat(first.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(codes(first.get("warnings"))).containsExactly("NO_EARLIER_EARLY_SIGNAL");

        ObjectNode early = signal(SignalJson.uniqueReference("EARLY"), SignalJson.AMSTERDAM, "130.00");
        ((ObjectNode) early.get("debtor")).put("surname", surname);
        as("partner-energie").postJson(SIGNALS, early.toString());
        endOfSupply.put("reference", SignalJson.uniqueReference("EOS"));

        JsonNode second = json(as("partner-energie").postJson(SIGNALS, endOfSupply.toString()).body()).at("/receipts/0");

        assertThat(second.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(second.get("warnings")).isEmpty();
    }

    @Test
    void anEndOfSupplyDateTooFewWorkingDaysAheadIsRefused() throws Exception {
        ObjectNode endOfSupply = signal(SignalJson.uniqueReference("EOS"), SignalJson.AMSTERDAM, "130.00");
        endOfSupply.put("kind", "END_OF_SUPPLY").put("endOfSupplyDate", LocalDate.now().plusDays(10).toString());

        JsonNode receipt = json(as("partner-water").postJson(SIGNALS, endOfSupply.toString()).body()).at("/receipts/0");

        assertThat(codes(receipt.get("reasons"))).containsExactly("END_OF_SUPPLY_TOO_SOON");
    }

    @Test
    void aPartnerReadsItsOwnEffectiveRulesInItsLanguage() throws Exception {
        HttpResponse<String> dutch = as("partner-water").get("/api/v1/partners/me/rules");
        JsonNode english = json(as("partner-energie").getWithLanguage("/api/v1/partners/me/rules", "en").body());
        JsonNode water = json(dutch.body());

        assertThat(dutch.statusCode()).isEqualTo(200);
        assertThat(dutch.headers().firstValue("API-Version")).contains("1.0.0");
        assertThat(water.get("ruleSetId").asText()).isEqualTo("water/demo-water");
        assertThat(water.get("version").asText()).hasSize(12);
        assertThat(rule(water, "BELOW_MINIMUM_AMOUNT").at("/parameters/minimumAmount").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(rule(water, "BELOW_MINIMUM_AMOUNT").get("description").asText()).contains("minimumbedrag");
        assertThat(rule(english, "BELOW_MINIMUM_AMOUNT").at("/parameters/minimumAmount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(rule(english, "OUTSIDE_ARREARS_WINDOW").at("/parameters/maxDaysOverdue").asInt()).isEqualTo(100);
        assertThat(rule(english, "END_OF_SUPPLY_TOO_SOON").at("/parameters/endOfSupplyWorkingDays").asInt()).isEqualTo(20);
        assertThat(rule(english, "NO_EARLIER_EARLY_SIGNAL").get("warningOnly").asBoolean()).isTrue();
        assertThat(rule(english, "BELOW_MINIMUM_AMOUNT").get("description").asText()).contains("minimum amount");
        assertThat(as("gemeente-utrecht").get("/api/v1/partners/me/rules").statusCode()).isEqualTo(403);
    }

    @Test
    void theMunicipalityReceivesTheRuleSetAndItsCriteriaWithTheSignal() throws Exception {
        String signalId = json(as("partner-energie").postJson(SIGNALS,
                SignalJson.signal(SignalJson.uniqueReference("CRIT"), SignalJson.UTRECHT, "130.00")).body()).at("/receipts/0/signalId").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> MunicipalStub.requestsFor(signalId).size() == 1);
        JsonNode regelset = json(MunicipalStub.requestsFor(signalId).get(0).getBodyAsString()).at("/signalen/0/regelset");

        String version = jdbc.queryForObject("SELECT rule_set_version FROM signals WHERE signal_id = ?", String.class,
                UUID.fromString(signalId));
        assertThat(regelset.get("id").asText()).isEqualTo("energy/demo-energie");
        assertThat(regelset.get("versie").asText()).isEqualTo(version);
        assertThat(regelset.at("/criteria/BELOW_MINIMUM_AMOUNT/minimumAmount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(regelset.at("/criteria/TOO_FEW_TERMS/minTermsOverdue").asInt()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM rule_set_versions WHERE rule_set_id = 'energy/demo-energie' AND version = ?", version))
                .isEqualTo(1);
    }

    private static ObjectNode signal(String reference, String postcode, String amount) {
        return (ObjectNode) json(SignalJson.signal(reference, postcode, amount));
    }

    private static JsonNode rule(JsonNode rules, String code) {
        for (JsonNode rule : rules.get("rules")) {
            if (rule.get("code").asText().equals(code)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + code);
    }

    private static List<String> codes(JsonNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }
}
