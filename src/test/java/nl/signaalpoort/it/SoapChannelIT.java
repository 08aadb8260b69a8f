package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import nl.signaalpoort.intake.soap.contract.Fault_Exception;
import nl.signaalpoort.intake.soap.contract.FetchFeedback;
import nl.signaalpoort.intake.soap.contract.FetchFeedbackResponse;
import nl.signaalpoort.intake.soap.contract.GetSignalStatusResponse;
import nl.signaalpoort.intake.soap.contract.ReportOutcome;
import nl.signaalpoort.intake.soap.contract.ReportOutcomeResponse;
import nl.signaalpoort.intake.soap.contract.SignaalpoortPortType;
import nl.signaalpoort.intake.soap.contract.SignalChoice;
import nl.signaalpoort.intake.soap.contract.SubmitSignals;
import nl.signaalpoort.intake.soap.contract.SubmitSignalsResponse;
import nl.signaalpoort.intake.soap.contract.WithdrawSignal;
import nl.signaalpoort.intake.soap.contract.WithdrawSignalResponse;
import nl.signaalpoort.intake.soap.contract.batch.Address;
import nl.signaalpoort.intake.soap.contract.batch.Arrears;
import nl.signaalpoort.intake.soap.contract.batch.Debtor;
import nl.signaalpoort.intake.soap.contract.batch.Signal;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.SignalXml;
import nl.signaalpoort.support.SoapClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The SOAP channel through real mutual TLS: the generated CXF client for every operation and both
 * profiles, raw hand-written envelopes as a non-Java client sends them, and every refusal (unsigned
 * where a signature is required, tampered, replayed, XXE, billion laughs, oversized) with its code
 * and nothing stored.
 */
class SoapChannelIT extends AbstractGatewayIT {

    private static final String NS = "urn:signaalpoort:soap:v1";
    private static final String CANARY = "Kanariepietersz";

    @org.springframework.beans.factory.annotation.Autowired
    nl.signaalpoort.intake.soap.MessageIdHousekeeping housekeeping;

    @Test
    void aPartnerSubmitsAndResendsAndReadsFeedbackAndAMunicipalityReportsAnOutcome() throws Exception {
        SignaalpoortPortType energie = SoapClients.port("partner-energie", port, false);
        String good = SignalJson.uniqueReference("SOAP");
        String bad = SignalJson.uniqueReference("SOAP");
        SubmitSignals request = new SubmitSignals();
        request.getSignal().add(signal(good, "1012LG", "130.00"));
        request.getSignal().add(signal(bad, "0000XX", "130.00"));

        SubmitSignalsResponse response = energie.submitSignals(request);

        assertThat(response.getAccepted()).isEqualTo(1);
        assertThat(response.getRejected()).isEqualTo(1);
        assertThat(response.getReceipt().get(0).getReference()).isEqualTo(good);
        String signalId = response.getReceipt().get(0).getSignalId();
        assertThat(response.getReceipt().get(1).getReason()).anyMatch(r -> r.getCode().equals("INVALID_POSTCODE")
                && r.getMessage().contains("postcode"));
        SubmitSignalsResponse again = energie.submitSignals(request);
        assertThat(again.getReceipt().get(0).isDuplicate()).isTrue();
        assertThat(again.getReceipt().get(0).getSignalId()).isEqualTo(signalId);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", good)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(
                jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(signalId))));
        ReportOutcome outcome = new ReportOutcome();
        outcome.setSignalId(signalId);
        outcome.setOutcome("FOLLOW_UP_FINANCIAL");
        ReportOutcomeResponse reported = SoapClients.port("gemeente-amsterdam", port, false).reportOutcome(outcome);
        assertThat(reported.getPartnerFeedbackCode()).isEqualTo("WANTS_HELP");
        assertThat(reported.getCollectionPausedUntil()).isNotNull();

        FetchFeedback fetch = new FetchFeedback();
        fetch.setAfter(0L);
        fetch.setLimit(1000);
        FetchFeedbackResponse page = energie.fetchFeedback(fetch);
        assertThat(page.getItem()).anyMatch(i -> i.getSignalId().equals(signalId) && i.getCode().equals("WANTS_HELP"));
        assertThat(page.getCursor()).isEqualTo(page.getItem().get(page.getItem().size() - 1).getFeedbackId());

        // The same authorization as REST: a municipality cannot submit, a partner cannot report.
        assertFault(() -> SoapClients.port("gemeente-amsterdam", port, false).submitSignals(request), "FORBIDDEN");
        assertFault(() -> energie.reportOutcome(outcome), "FORBIDDEN");
    }

    @Test
    void aPartnerAsksWhatBecameOfItsSignalAndWithdrawsIt() throws Exception {
        SignaalpoortPortType energie = SoapClients.port("partner-energie", port, false);
        String reference = SignalJson.uniqueReference("SOAPW");
        SubmitSignals request = new SubmitSignals();
        request.getSignal().add(signal(reference, "1012LG", "130.00"));
        String signalId = energie.submitSignals(request).getReceipt().get(0).getSignalId();
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(
                jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(signalId))));

        SignalChoice byId = new SignalChoice();
        byId.setSignalId(signalId);
        GetSignalStatusResponse delivered = energie.getSignalStatus(byId);
        assertThat(delivered.getState()).isEqualTo("DELIVERED");
        assertThat(delivered.getReference()).isEqualTo(reference);
        assertThat(delivered.getMunicipalityCode()).isEqualTo("GM0363");
        assertThat(delivered.getDeliveredAt()).isNotNull();
        assertThat(delivered.getRuleSetId()).isEqualTo("energy/demo-energie");
        assertThat(delivered.getWithdrawal()).isNull();

        WithdrawSignal withdraw = new WithdrawSignal();
        withdraw.setReference(reference);
        withdraw.setReason("CHANGED_MY_MIND");
        assertFault(() -> energie.withdrawSignal(withdraw), "UNKNOWN_WITHDRAWAL_REASON");
        withdraw.setReason("PAID_OR_ARRANGED");
        assertFault(() -> SoapClients.port("partner-water", port, false).withdrawSignal(withdraw), "UNKNOWN_SIGNAL");
        assertFault(() -> SoapClients.port("gemeente-amsterdam", port, false).withdrawSignal(withdraw), "FORBIDDEN");
        assertThat(count("SELECT COUNT(*) FROM withdrawals WHERE signal_id = ?", UUID.fromString(signalId))).as("refusals change nothing").isZero();

        WithdrawSignalResponse withdrawn = energie.withdrawSignal(withdraw);
        assertThat(withdrawn.getSignalId()).isEqualTo(signalId);
        assertThat(withdrawn.isMunicipalityNotified()).isTrue();
        assertThat(withdrawn.isRepeated()).isFalse();
        assertThat(energie.withdrawSignal(withdraw).isRepeated()).isTrue();

        SignalChoice byReference = new SignalChoice();
        byReference.setReference(reference);
        GetSignalStatusResponse status = energie.getSignalStatus(byReference);
        assertThat(status.getState()).isEqualTo("WITHDRAWN");
        assertThat(status.getWithdrawal().getReason()).isEqualTo("PAID_OR_ARRANGED");
        assertThat(status.getWithdrawal().getWithdrawnAt().toGregorianCalendar().toInstant()).isEqualTo(
                withdrawn.getWithdrawnAt().toGregorianCalendar().toInstant());
        assertThat(status.getMunicipalityCode()).isEqualTo("GM0363");
        await().atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.exists(
                DROP_FOLDER.resolve("GM0363").resolve(signalId + ".intrekking.json")));
        assertFault(() -> SoapClients.port("partner-water", port, false).getSignalStatus(byReference), "UNKNOWN_SIGNAL");
    }

    @Test
    void aTwoWaySignedPartnerIsServedWhenItSignsAndRefusedWhenItDoesNot() throws Exception {
        String signed = SignalJson.uniqueReference("SOAPS");
        SubmitSignals request = new SubmitSignals();
        request.getSignal().add(signal(signed, "1012LG", "130.00"));
        request.getSignal().get(0).getArrears().setPremiumAmount("130.00");

        SubmitSignalsResponse response = SoapClients.port("partner-zorg", port, true).submitSignals(request);
        assertThat(response.getReceipt()).singleElement().satisfies(r -> {
            assertThat(r.getReference()).isEqualTo(signed);
            assertThat(r.getStatus().name()).as("reasons %s", r.getReason().stream().map(x -> x.getCode()).toList()).isEqualTo("ACCEPTED");
        });

        FetchFeedback fetch = new FetchFeedback();
        fetch.setLimit(10);
        assertThat(SoapClients.port("partner-zorg", port, true).fetchFeedback(fetch).getCursor()).isNotNegative();
        assertFault(() -> SoapClients.port("partner-zorg", port, false).fetchFeedback(fetch), "SIGNATURE_REQUIRED");

        String unsigned = SignalJson.uniqueReference("SOAPS");
        SubmitSignals plain = new SubmitSignals();
        plain.getSignal().add(signal(unsigned, "1012LG", "130.00"));
        assertFault(() -> SoapClients.port("partner-zorg", port, false).submitSignals(plain), "SIGNATURE_REQUIRED");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", unsigned)).isZero();
    }

    @Test
    void aHandWrittenEnvelopeWorksAndTamperingOrReplayingItIsRefused() throws Exception {
        String reference = SignalJson.uniqueReference("RAW");
        String plain = SoapClients.envelope(NS + ":submitSignals", port, submitBody(reference));

        HttpResponse<String> ok = as("partner-energie").postSoap(SoapClients.PATH, plain, NS + ":submitSignals");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("status>ACCEPTED</").contains(reference);
        assertFaultCode(as("partner-energie").postSoap(SoapClients.PATH, plain, NS + ":submitSignals"), "REPLAYED_MESSAGE");

        String signedReference = SignalJson.uniqueReference("RAW");
        String signed = SoapClients.sign(SoapClients.envelope(NS + ":submitSignals", port, healthBody(signedReference)), "partner-zorg");
        HttpResponse<String> first = as("partner-zorg").postSoap(SoapClients.PATH, signed, NS + ":submitSignals");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertFaultCode(as("partner-zorg").postSoap(SoapClients.PATH, signed, NS + ":submitSignals"), "REPLAYED_MESSAGE");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", signedReference)).isEqualTo(1);

        // A signed message changed on the way: the amount raised after signing.
        String tamperedReference = SignalJson.uniqueReference("RAW");
        String original = SoapClients.sign(SoapClients.envelope(NS + ":submitSignals", port, healthBody(tamperedReference)), "partner-zorg");
        String tampered = original.replace("130.00", "930.00");
        assertThat(tampered).isNotEqualTo(original);
        assertFaultCode(as("partner-zorg").postSoap(SoapClients.PATH, tampered, NS + ":submitSignals"), "SIGNATURE_INVALID");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", tamperedReference)).isZero();

        // Signed properly, but ten minutes ago: the timestamp has expired.
        String stale = SoapClients.sign(SoapClients.envelope(NS + ":submitSignals", port, healthBody(SignalJson.uniqueReference("RAW"))),
                "partner-zorg", java.time.Instant.now().minus(Duration.ofMinutes(10)));
        assertFaultCode(as("partner-zorg").postSoap(SoapClients.PATH, stale, NS + ":submitSignals"), "TIMESTAMP_EXPIRED");

        // Signed by another organisation's certificate: a valid signature, by the wrong signer.
        String foreign = SoapClients.sign(SoapClients.envelope(NS + ":submitSignals", port, submitBody(SignalJson.uniqueReference("RAW"))),
                "partner-energie");
        assertFaultCode(as("partner-zorg").postSoap(SoapClients.PATH, foreign, NS + ":submitSignals"), "SIGNATURE_INVALID");

        assertThat(as("partner-energie").get(SoapClients.PATH + "?wsdl").body()).contains("SignaalpoortService").contains("submitSignals");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void hostileXmlIsRefusedWithItsCodeAndNothingStored(CapturedOutput output) throws Exception {
        String xxeReference = SignalJson.uniqueReference("XXE");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + SoapClients.envelope(NS + ":submitSignals", port, submitBody(xxeReference).replace("Damrak", "&x;"));
        HttpResponse<String> refused = as("partner-energie").postSoap(SoapClients.PATH, xxe, NS + ":submitSignals");
        assertFaultCode(refused, "XML_REFUSED");
        assertThat(refused.body()).doesNotContain("root:");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", xxeReference)).isZero();

        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY l0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>\n").append(SoapClients.envelope(NS + ":submitSignals", port, submitBody("LAUGH").replace("Damrak", "&l9;")));
        assertFaultCode(as("partner-energie").postSoap(SoapClients.PATH, laughs.toString(), NS + ":submitSignals"), "XML_REFUSED");

        // Nesting in a header, where no schema stops it first.
        String deep = "<x:a xmlns:x=\"urn:deep\">".repeat(40) + "</x:a>".repeat(40);
        assertFaultCode(as("partner-energie").postSoap(SoapClients.PATH,
                SoapClients.envelope(NS + ":submitSignals", port, submitBody("DEEP")).replace("<soap:Header>", "<soap:Header>" + deep),
                NS + ":submitSignals"), "MESSAGE_TOO_LARGE");

        String big = SoapClients.envelope(NS + ":submitSignals", port, submitBody("BIG").replace("Damrak", "x".repeat(11 * 1024 * 1024)));
        assertFaultCode(as("partner-energie").postSoap(SoapClients.PATH, big, NS + ":submitSignals"), "MESSAGE_TOO_LARGE");

        // Schema violations and bad values never echo the message's content.
        HttpResponse<String> schema = as("partner-energie").postSoap(SoapClients.PATH, SoapClients.envelope(NS + ":submitSignals", port,
                submitBody("SCHEMA").replace("<surname>Jansen</surname>", "<" + CANARY + ">x</" + CANARY + ">")), NS + ":submitSignals");
        assertFaultCode(schema, "SCHEMA_VIOLATION");
        assertThat(schema.body()).doesNotContain(CANARY);
        HttpResponse<String> badValue = as("partner-energie").postSoap(SoapClients.PATH, SoapClients.envelope(NS + ":submitSignals", port,
                submitBody("BADVALUE").replace("1980-04-12", CANARY)), NS + ":submitSignals");
        assertThat(badValue.body()).contains("INVALID_DATE").doesNotContain(CANARY);
        // Nor does the log: the faults were logged by code only.
        assertThat(output.getAll()).contains("soap fault code=SCHEMA_VIOLATION").doesNotContain(CANARY).doesNotContain("root:x:");

        assertFaultCode(TlsClientNone.post(port, SoapClients.envelope(NS + ":submitSignals", port, submitBody("NOCERT"))),
                "CLIENT_CERTIFICATE_REQUIRED");
    }

    @Test
    void aMessageIdIsUsedUpPerCallingOrganisationAndNeverByAStranger() throws Exception {
        String fetch = SoapClients.envelope(NS + ":fetchFeedback", port, "<v1:fetchFeedback xmlns:v1=\"" + NS + "\"/>");
        String messageId = fetch.replaceAll("(?s).*<wsa:MessageID>([^<]+)</wsa:MessageID>.*", "$1");

        // No certificate, or an unregistered one: refused before the id is written anywhere.
        assertFaultCode(nl.signaalpoort.support.TlsClient.as(null, port).postSoap(SoapClients.PATH, fetch, NS + ":fetchFeedback"),
                "CLIENT_CERTIFICATE_REQUIRED");
        assertFaultCode(as("unknown-org").postSoap(SoapClients.PATH, fetch, NS + ":fetchFeedback"), "CLIENT_CERTIFICATE_REQUIRED");
        assertThat(count("SELECT COUNT(*) FROM soap_message_ids WHERE message_id = ?", messageId)).isZero();

        // The same id from two partners: each its own; the second time from one of them a replay.
        assertThat(as("partner-water").postSoap(SoapClients.PATH, fetch, NS + ":fetchFeedback").statusCode()).isEqualTo(200);
        assertThat(as("partner-energie").postSoap(SoapClients.PATH, fetch, NS + ":fetchFeedback").statusCode()).isEqualTo(200);
        assertFaultCode(as("partner-energie").postSoap(SoapClients.PATH, fetch, NS + ":fetchFeedback"), "REPLAYED_MESSAGE");
        assertThat(count("SELECT COUNT(*) FROM soap_message_ids WHERE message_id = ?", messageId)).isEqualTo(2);
    }

    @Test
    void messageIdsAreForgottenAfterTheReplayWindow() {
        String old = "urn:uuid:" + UUID.randomUUID();
        String fresh = "urn:uuid:" + UUID.randomUUID();
        jdbc.update("INSERT INTO soap_message_ids (message_id, organisation_id, received_at) VALUES (?, 'demo-energie', ?)", old,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(3));
        jdbc.update("INSERT INTO soap_message_ids (message_id, organisation_id, received_at) VALUES (?, 'demo-energie', ?)", fresh,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));

        assertThat(housekeeping.forgetExpired()).isPositive();

        assertThat(count("SELECT COUNT(*) FROM soap_message_ids WHERE message_id = ?", old)).isZero();
        assertThat(count("SELECT COUNT(*) FROM soap_message_ids WHERE message_id = ?", fresh)).isEqualTo(1);
    }

    /** Without a client certificate: a fault, not a bare TLS or HTTP error. */
    private static final class TlsClientNone {
        static HttpResponse<String> post(int port, String envelope) throws Exception {
            return nl.signaalpoort.support.TlsClient.as(null, port).postSoap(SoapClients.PATH, envelope, NS + ":submitSignals");
        }
    }

    private static void assertFaultCode(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.body()).contains("Fault").contains("<code>" + code + "</code>");
    }

    /** The contract's typed fault: the generated client hands over its code. */
    private static void assertFault(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Fault_Exception.class, e -> assertThat(e.getFaultInfo().getCode()).isEqualTo(code));
    }

    /** A signal a health insurer may send: judged on its premium. */
    private static String healthBody(String reference) {
        return submitBody(reference).replace("<totalAmount>130.00</totalAmount>",
                "<totalAmount>130.00</totalAmount><premiumAmount>130.00</premiumAmount>");
    }

    private static String submitBody(String reference) {
        return "<submitSignals xmlns=\"" + NS + "\"><signal>" + SignalXml.fields(reference, "130.00") + "</signal></submitSignals>";
    }

    private static Signal signal(String reference, String postcode, String amount) {
        LocalDate today = LocalDate.now();
        Signal signal = new Signal();
        signal.setReference(reference);
        signal.setKind("EARLY");
        signal.setSignalDate(today.minusDays(1).toString());
        Debtor debtor = new Debtor();
        debtor.setInitials("j.");
        debtor.setSurname("Jansen");
        debtor.setBirthDate("1980-04-12");
        signal.setDebtor(debtor);
        Address address = new Address();
        address.setStreet("Damrak");
        address.setHouseNumber("12");
        address.setPostcode(postcode);
        address.setCity("Amsterdam");
        signal.setAddress(address);
        Arrears arrears = new Arrears();
        arrears.setTotalAmount(amount);
        arrears.setTermsOverdue("2");
        arrears.setRemindersSent("2");
        arrears.setOldestDueDate(today.minusDays(70).toString());
        arrears.setNewestDueDate(today.minusDays(40).toString());
        signal.setArrears(arrears);
        return signal;
    }
}
