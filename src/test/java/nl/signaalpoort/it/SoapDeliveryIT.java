package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** SOAP delivery through the real CXF client to a municipality's SOAP service (WireMock stands in). */
class SoapDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/soap/gm0344";
    static final String NS = "https://signaalpoort.nl/schemas/municipal-delivery/v1";
    /** A municipality's acknowledgement of one signal, as its SOAP service answers. */
    static final String ACK = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
            <ns:leverSignalenResponse xmlns:ns="%s"><aantalOntvangen>1</aantalOntvangen></ns:leverSignalenResponse>
            </soap:Body></soap:Envelope>""".formatted(NS);
    private static final String FAULT = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
            <faultcode>soap:Server</faultcode><faultstring>database busy</faultstring></soap:Fault></soap:Body></soap:Envelope>""";
    private static final String NOT_AN_ACK = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
            <ns:somethingElse xmlns:ns="%s"/></soap:Body></soap:Envelope>""".formatted(NS);

    @Test
    void aBatchIsSentAsValidSoapAndOnlyAnAcknowledgementCountsAsDelivered() throws Exception {
        // Every answer requires a real request: an empty or truncated body gets no answer at all (404).
        var stubs = List.of(
                MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("</leverSignalen>"))
                        .inScenario("soap").whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml").withBody(FAULT))
                        .willSetStateTo("not-an-ack")),
                MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("</leverSignalen>"))
                        .inScenario("soap").whenScenarioStateIs("not-an-ack")
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(NOT_AN_ACK))
                        .willSetStateTo("ok")),
                MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("</leverSignalen>"))
                        .inScenario("soap").whenScenarioStateIs("ok")
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(ACK))));
        Path registry = Files.createTempFile("soap-municipalities", ".yaml");
        Files.writeString(registry, """
                municipalities:
                  - code: GM0344
                    name: Utrecht
                    oin: "00000099000000000344"
                    delivery: {type: SOAP, endpoint: "http://127.0.0.1:%d%s"}
                """.formatted(MunicipalStub.server().port(), PATH));
        try (ConfigurableApplicationContext app = new StandaloneGateway("soap_delivery_it")
                .with("signaalpoort.routing.municipalities", "file:" + registry).start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String body = SignalJson.signal(SignalJson.uniqueReference("SOAP"), SignalJson.UTRECHT, "90.00");
            String signalId = JSON.readTree(TlsClient.as("partner-energie", StandaloneGateway.port(app)).postJson("/api/v1/signals", body)
                    .body()).at("/receipts/0/signalId").asText();

            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(
                    jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(signalId))));
            // WireMock journals a request after answering it, so the journal may trail the gateway a moment.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(answered(signalId, "leverSignalenResponse")).as(journal()).isEqualTo(1));
            assertThat(answered(signalId, "soap:Fault")).isEqualTo(1);
            assertThat(answered(signalId, "somethingElse")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT attempts FROM outbox WHERE signal_id = ?", Integer.class, UUID.fromString(signalId)))
                    .as("the fault and the non-acknowledgement were each a failed attempt").isGreaterThanOrEqualTo(2);

            LoggedRequest last = MunicipalStub.server().getAllServeEvents().stream()
                    .filter(e -> e.getResponse().getBodyAsString().contains("leverSignalenResponse"))
                    .filter(e -> e.getRequest().getBodyAsString().contains(signalId))
                    .findFirst().orElseThrow().getRequest();
            assertThat(last.getHeader("Content-Type")).startsWith("text/xml");
            assertThat(last.getHeader("SOAPAction")).contains(NS + "/leverSignalen");
            Element payload = soapBodyChild(last.getBodyAsString());
            assertThat(payload.getLocalName()).isEqualTo("leverSignalen");
            assertThat(payload.getNamespaceURI()).isEqualTo(NS);
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(new File("contracts/wsdl/municipal-delivery-v1.xsd")).newValidator().validate(new DOMSource(payload));
            assertThat(last.getBodyAsString()).contains("<signaalId>" + signalId + "</signaalId>", "<achternaam>Berg</achternaam>");

            // The partner withdraws it: Utrecht gets the notice as a leverSignalen batch of an intrekking alone.
            assertThat(TlsClient.as("partner-energie", StandaloneGateway.port(app)).postJson("/api/v1/signals/" + signalId + "/withdrawal",
                    "{\"reason\":\"PAID_OR_ARRANGED\"}").statusCode()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(jdbc.queryForObject(
                    "SELECT status FROM outbox WHERE withdrawn_signal_id = ?", String.class, UUID.fromString(signalId))));
            await().atMost(Duration.ofSeconds(5)).until(() -> MunicipalStub.server().getAllServeEvents().stream()
                    .anyMatch(e -> e.getRequest().getBodyAsString().contains("</intrekking>")
                            && e.getRequest().getBodyAsString().contains(signalId)));
            String notice = MunicipalStub.server().getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString())
                    .filter(b -> b.contains("</intrekking>") && b.contains(signalId)).findFirst().orElseThrow();
            Element withdrawal = soapBodyChild(notice);
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(new File("contracts/wsdl/municipal-delivery-v1.xsd")).newValidator().validate(new DOMSource(withdrawal));
            assertThat(notice).contains("<reden>BETAALD_OF_REGELING</reden>").doesNotContain("</signaal>").doesNotContain("Berg");
        } finally {
            MunicipalStub.server().resetScenarios();
        }
    }

    /** How many requests about this signal the municipality answered with a body containing {@code marker}. */
    private static long answered(String signalId, String marker) {
        return MunicipalStub.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(PATH) && e.getRequest().getBodyAsString().contains(signalId))
                .filter(e -> e.getResponse().getBodyAsString() != null && e.getResponse().getBodyAsString().contains(marker))
                .count();
    }

    /** The journal in one line per request, for a failure message. */
    private static String journal() {
        StringBuilder sb = new StringBuilder("journal:");
        MunicipalStub.server().getAllServeEvents().forEach(e -> sb.append("\n ").append(e.getRequest().getUrl()).append(' ')
                .append(e.getResponse().getStatus()).append(" len=").append(e.getRequest().getBody().length)
                .append(" te=").append(e.getRequest().getHeader("Transfer-Encoding")).append(" enc=").append(e.getRequest().getHeader("Content-Encoding")).append(' ')
                .append(String.valueOf(e.getResponse().getBodyAsString()).replaceAll("\\s+", " ").substring(0,
                        Math.min(120, String.valueOf(e.getResponse().getBodyAsString()).replaceAll("\\s+", " ").length()))));
        return sb.toString();
    }

    private static Element soapBodyChild(String envelope) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(envelope)));
        Element body = (Element) doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        for (var n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty SOAP body");
    }
}
