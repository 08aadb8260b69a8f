package nl.signaalpoort.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.signaalpoort.routing.DeliveryType;
import nl.signaalpoort.signal.Money;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The SOAP payload is valid against the XSD the municipalities get (contracts/wsdl). */
class MunicipalSoapDocumentsTest {

    static MunicipalSignal document(boolean full) throws Exception {
        return new MunicipalSignal(UUID.randomUUID(), "GM0344", "VROEGSIGNAAL", LocalDate.of(2026, 11, 20), false, true,
                full ? LocalDate.of(2027, 1, 31) : null, full ? LocalDate.of(2026, 11, 25) : null, full ? UUID.randomUUID() : null,
                new MunicipalSignal.Vastelastenpartner("Demo Energie", "00000099000000000101", "ENERGIE",
                        new MunicipalSignal.Contact("Team betalingsachterstanden", "+31 20 555 0101", null, "TELEFOON", "werkdagen 8-18 uur")),
                new MunicipalSignal.Persoon("J.P.", full ? "Jan Piet" : null, "van der", "Berg", LocalDate.of(1980, 4, 12), "NATURAL_PERSON"),
                new MunicipalSignal.Adres(full ? "Damrak" : null, 12, full ? "A" : null, "3511AB", full ? "Utrecht" : null, "DWELLING"),
                full ? new MunicipalSignal.Contactgegevens("+31612345678", "j@example.nl") : null,
                new MunicipalSignal.Achterstand(Money.ofEuros("245.50"), full ? Money.ofEuros("122.75") : null, full ? 2 : null,
                        full ? 2 : null, full ? LocalDate.of(2026, 9, 1) : null, full ? LocalDate.of(2026, 10, 1) : null,
                        full ? Money.ofEuros("200.00") : null, full ? Money.ofEuros("45.50") : null, null, null, null,
                        false, false, false, false),
                new MunicipalSignal.Regelset("energy/demo-energie", "09d8be47f377",
                        full ? new ObjectMapper().readTree("{\"BELOW_MINIMUM_AMOUNT\":{\"minimumAmount\":50.00,\"premiumBased\":false}}") : null),
                new MunicipalSignal.Annotaties(1, true, false, 0, true, false, false),
                Instant.parse("2026-11-23T10:15:30.123456Z"));
    }

    private static Validator validator() throws SAXException {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new File("contracts/wsdl/municipal-delivery-v1.xsd")).newValidator();
    }

    @Test
    void aBatchIsValidAgainstThePublishedSchema() throws Exception {
        DeliveryBatch batch = new DeliveryBatch(UUID.randomUUID(), "GM0344", DeliveryType.SOAP, "http://x", List.of(),
                List.of(document(true), document(false)), List.of());

        String xml = new MunicipalSoapDocuments().batchXml(batch);

        validator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<achternaam>Berg</achternaam>", "<totaalBedrag>245.50</totaalBedrag>", batch.batchId().toString());
        assertThat(new MunicipalSoapDocuments().batchElement(batch).getNamespaceURI()).isEqualTo(MunicipalSoapDocuments.NAMESPACE);
    }

    @Test
    void withdrawalNoticesFollowTheSignalsAndABatchMayHoldOnlyNotices() throws Exception {
        MunicipalWithdrawal notice = new MunicipalWithdrawal(UUID.randomUUID(), "GM0344",
                MunicipalWithdrawal.reden(nl.signaalpoort.withdrawal.WithdrawalReason.SENT_IN_ERROR), Instant.parse("2026-11-24T10:02:11.201Z"));
        DeliveryBatch mixed = new DeliveryBatch(UUID.randomUUID(), "GM0344", DeliveryType.SOAP, "http://x", List.of(),
                List.of(document(false)), List.of(notice));
        DeliveryBatch noticesOnly = new DeliveryBatch(UUID.randomUUID(), "GM0344", DeliveryType.SOAP, "http://x", List.of(), List.of(),
                List.of(notice));

        String xml = new MunicipalSoapDocuments().batchXml(mixed);
        validator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml.indexOf("<intrekking")).as("after the signals").isGreaterThan(xml.lastIndexOf("</signaal>"));
        assertThat(xml).contains("<reden>TEN_ONRECHTE_VERSTUURD</reden>", "<signaalId>" + notice.signaalId() + "</signaalId>");
        String only = new MunicipalSoapDocuments().batchXml(noticesOnly);
        validator().validate(new StreamSource(new StringReader(only)));
        assertThat(only).doesNotContain("</signaal>").contains("</intrekking>");
        assertThat(new MunicipalSoapDocuments().batchXml(new DeliveryBatch(UUID.randomUUID(), "GM0344", DeliveryType.SOAP, "http://x",
                List.of(), List.of(document(false)), List.of()))).as("no empty notices element").doesNotContain("intrekking");
    }

    @Test
    void theSchemaIsStrictEnoughToCatchMistakes() {
        String wrong = "<leverSignalen xmlns=\"" + MunicipalSoapDocuments.NAMESPACE + "\"><batchId>not-a-uuid</batchId></leverSignalen>";
        assertThatThrownBy(() -> validator().validate(new StreamSource(new StringReader(wrong)))).isInstanceOf(SAXException.class);
    }
}
