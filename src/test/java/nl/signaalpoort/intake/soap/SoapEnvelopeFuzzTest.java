package nl.signaalpoort.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.signaalpoort.intake.Submission;
import nl.signaalpoort.intake.soap.contract.FetchFeedback;
import nl.signaalpoort.intake.soap.contract.ReportOutcome;
import nl.signaalpoort.intake.soap.contract.SubmitSignals;
import nl.signaalpoort.intake.soap.contract.batch.Signal;
import org.apache.cxf.staxutils.StaxUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Any bytes as a SOAP request, read the way the SOAP channel reads one: CXF's StAX reader with the
 * channel's limits (depth 16, element count, size), the envelope's body bound by JAXB to the
 * contract's types, each signal mapped by {@link SoapSignals} to what the pipeline takes. Whatever
 * the XML layer refuses is a fault; whatever it lets through maps to a submission without an
 * exception, and no entity is ever resolved from outside the message. The whole CXF chain (XXE,
 * billion laughs, deep nesting, faults) is exercised through the real endpoint in SoapChannelIT.
 * Runs its inputs (SoapEnvelopeFuzzTestInputs/) in every test run; fuzz longer with JAZZER_FUZZ=1.
 */
class SoapEnvelopeFuzzTest {

    private static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP_12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final JAXBContext JAXB;

    static {
        // The channel's limits (signaalpoort.soap.*), which the endpoint sets per message, as CXF's global defaults here.
        System.setProperty("org.apache.cxf.stax.maxElementDepth", "16");
        System.setProperty("org.apache.cxf.stax.maxElementCount", "200000");
        System.setProperty("org.apache.cxf.stax.maxXMLCharacters", String.valueOf(10L * 1024 * 1024));
        try {
            JAXB = JAXBContext.newInstance(SubmitSignals.class, ReportOutcome.class, FetchFeedback.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void envelope(byte[] data) throws Exception {
        Document document;
        try {
            XMLStreamReader reader = StaxUtils.createXMLStreamReader(new ByteArrayInputStream(data));
            document = StaxUtils.read(reader);
        } catch (XMLStreamException | RuntimeException refusedByTheXmlLayer) {
            return;
        }
        String text = document.getDocumentElement() == null ? "" : document.getDocumentElement().getTextContent();
        if (!new String(data, StandardCharsets.ISO_8859_1).contains("root:")) {
            assertThat(text).as("no external entity resolved").doesNotContain("root:");
        }
        Element body = body(document);
        if (body == null) {
            return;
        }
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                Object payload;
                try {
                    payload = JAXB.createUnmarshaller().unmarshal(element);
                } catch (JAXBException | RuntimeException notTheContractsShape) {
                    continue;
                }
                if (payload instanceof SubmitSignals submit) {
                    for (Signal signal : submit.getSignal()) {
                        Submission submission = SoapSignals.toSubmission(signal);
                        assertThat(submission).isNotNull();
                    }
                }
            }
        }
    }

    private static Element body(Document document) {
        Element envelope = document.getDocumentElement();
        if (envelope == null || !"Envelope".equals(envelope.getLocalName())
                || !(SOAP_11.equals(envelope.getNamespaceURI()) || SOAP_12.equals(envelope.getNamespaceURI()))) {
            return null;
        }
        for (Node child = envelope.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "Body".equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }
}
