package nl.signaalpoort.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.signaalpoort.delivery.MunicipalSignal;
import nl.signaalpoort.feedback.MunicipalOutcome;
import nl.signaalpoort.intake.rest.PartnerRulesController;
import nl.signaalpoort.intake.rest.ReceiptView;
import nl.signaalpoort.feedback.PartnerFeedbackCode;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Arrears;
import nl.signaalpoort.signal.Contact;
import nl.signaalpoort.signal.Debtor;
import nl.signaalpoort.signal.LegalForm;
import nl.signaalpoort.signal.ObjectType;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;
import org.junit.jupiter.api.Test;

/** The published contracts are hand-written; this keeps them in step with the code partners actually talk to. */
class ContractConsistencyTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode schemas(String file) throws Exception {
        return YAML.readTree(new File(file)).at("/components/schemas");
    }

    private static List<String> enumOf(JsonNode schemas, String name) {
        List<String> values = new ArrayList<>();
        schemas.get(name).get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> propertiesOf(JsonNode schemas, String name) {
        List<String> names = new ArrayList<>();
        schemas.get(name).get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void thePartnerContractMatchesTheCode() throws Exception {
        JsonNode s = schemas("contracts/openapi/signaalpoort-v1.yaml");

        assertThat(enumOf(s, "ProblemCode")).containsExactlyInAnyOrderElementsOf(names(ProblemCode.values()));
        assertThat(enumOf(s, "ReasonCode")).containsExactlyInAnyOrderElementsOf(names(ReasonCode.values()));
        assertThat(enumOf(s, "MunicipalOutcome")).containsExactlyInAnyOrderElementsOf(names(MunicipalOutcome.values()));
        assertThat(enumOf(s, "PartnerFeedbackCode")).containsExactlyInAnyOrderElementsOf(names(PartnerFeedbackCode.values()));
        assertThat(enumOf(s, "SignalKind")).containsExactlyInAnyOrderElementsOf(names(SignalKind.values()));
        assertThat(enumOf(s, "LegalForm")).containsExactlyInAnyOrderElementsOf(names(LegalForm.values()));
        assertThat(enumOf(s, "ObjectType")).containsExactlyInAnyOrderElementsOf(names(ObjectType.values()));
        assertThat(propertiesOf(s, "Signal")).containsExactlyInAnyOrderElementsOf(components(Signal.class));
        assertThat(propertiesOf(s, "Debtor")).containsExactlyInAnyOrderElementsOf(components(Debtor.class));
        assertThat(propertiesOf(s, "Address")).containsExactlyInAnyOrderElementsOf(components(Address.class));
        assertThat(propertiesOf(s, "Contact")).containsExactlyInAnyOrderElementsOf(components(Contact.class));
        assertThat(propertiesOf(s, "Arrears")).containsExactlyInAnyOrderElementsOf(components(Arrears.class));
        assertThat(propertiesOf(s, "Receipt")).containsExactlyInAnyOrderElementsOf(components(ReceiptView.class));
        assertThat(propertiesOf(s, "RulesView")).containsExactlyInAnyOrderElementsOf(components(PartnerRulesController.RulesView.class));
        assertThat(propertiesOf(s, "RuleView")).containsExactlyInAnyOrderElementsOf(components(PartnerRulesController.RuleView.class));
        assertThat(propertiesOf(s, "FeedbackItem")).containsExactlyInAnyOrderElementsOf(components(nl.signaalpoort.store.FeedbackItem.class));
        assertThat(propertiesOf(s, "OutcomeResponse")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.feedback.rest.OutcomeResponse.class));
        assertThat(propertiesOf(s, "SignedStatement")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.intake.SignalStatement.Signed.class));
        assertThat(propertiesOf(s, "SignalStatement")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.intake.SignalStatement.class));
        assertThat(propertiesOf(s, "AuditReference")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.intake.SignalStatement.AuditReference.class));
        assertThat(propertiesOf(s, "Withdrawal")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.withdrawal.Withdrawals.Withdrawal.class));
        assertThat(propertiesOf(s, "WithdrawalRequest")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.withdrawal.rest.WithdrawalController.WithdrawalRequest.class));
        assertThat(enumOf(s, "WithdrawalReason")).containsExactlyInAnyOrderElementsOf(names(nl.signaalpoort.withdrawal.WithdrawalReason.values()));
        assertThat(propertiesOf(s, "WithdrawalStatus")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.intake.SignalStatus.WithdrawalStatus.class));
        assertThat(propertiesOf(s, "SignalStatus")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.intake.SignalStatus.class));
        assertThat(enumOf(s.get("SignalStatus").get("properties"), "state")).containsExactlyInAnyOrderElementsOf(
                names(nl.signaalpoort.intake.SignalStatus.State.values()));
        assertThat(propertiesOf(s, "PartnerStatistics")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.statistics.PartnerStatistics.class));
        assertThat(propertiesOf(s, "ContactDataNoticeResult")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.feedback.ContactDataNotices.Noted.class));
        assertThat(propertiesOf(s, "ContactDataNotice")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.store.ContactDataNoticeRepository.ContactDataNotice.class));
        assertThat(propertiesOf(s, "ContactDataNoticeRequest")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.feedback.rest.ContactDataNoticeController.ContactDataNoticeRequest.class));
        assertThat(propertiesOf(s, "SubmissionResponse")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.intake.rest.SubmissionResponse.class));
        assertThat(propertiesOf(s, "SignalFeedback")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.feedback.rest.FeedbackController.SignalFeedback.class));
        assertThat(propertiesOf(s, "MunicipalNotification")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.store.MunicipalNotification.class));
        assertThat(propertiesOf(s, "PartnerEntry")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.partner.rest.PartnerDirectoryController.PartnerEntry.class));
        assertThat(propertiesOf(s, "PartnerContact")).containsExactlyInAnyOrderElementsOf(components(nl.signaalpoort.partner.Partner.Contact.class));
        assertThat(propertiesOf(s, "OutcomeBatchResponse")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.feedback.rest.OutcomeBatchResponse.class));
        assertThat(propertiesOf(s, "OutcomeItemResult")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.feedback.rest.OutcomeBatchResponse.ItemResult.class));
    }

    @Test
    void theMunicipalContractMatchesTheCode() throws Exception {
        JsonNode s = schemas("contracts/municipal/municipal-delivery-v1.yaml");

        assertThat(propertiesOf(s, "MunicipalSignal")).containsExactlyInAnyOrderElementsOf(components(MunicipalSignal.class));
        assertThat(propertiesOf(s, "Achterstand")).containsExactlyInAnyOrderElementsOf(components(MunicipalSignal.Achterstand.class));
        assertThat(propertiesOf(s, "Persoon")).containsExactlyInAnyOrderElementsOf(components(MunicipalSignal.Persoon.class));
        assertThat(propertiesOf(s, "Adres")).containsExactlyInAnyOrderElementsOf(components(MunicipalSignal.Adres.class));
        assertThat(propertiesOf(s, "Regelset")).containsExactlyInAnyOrderElementsOf(components(MunicipalSignal.Regelset.class));
        assertThat(propertiesOf(s, "Annotaties")).containsExactlyInAnyOrderElementsOf(components(MunicipalSignal.Annotaties.class));
        assertThat(propertiesOf(s, "Vastelastenpartner")).containsExactlyInAnyOrderElementsOf(
                components(MunicipalSignal.Vastelastenpartner.class));
        assertThat(propertiesOf(s, "Contact")).containsExactlyInAnyOrderElementsOf(components(MunicipalSignal.Contact.class));
        assertThat(propertiesOf(s, "Batch")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.delivery.MunicipalDocuments.Batch.class));
        assertThat(propertiesOf(s, "Intrekking")).containsExactlyInAnyOrderElementsOf(
                components(nl.signaalpoort.delivery.MunicipalWithdrawal.class));
        assertThat(enumOf(s.get("Intrekking").get("properties"), "reden")).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(nl.signaalpoort.withdrawal.WithdrawalReason.values())
                        .map(nl.signaalpoort.delivery.MunicipalWithdrawal::reden).toList());
    }
}
