package nl.signaalpoort.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.json.Mappers;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapHeader;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The SOAP payload for municipal delivery ({@code leverSignalen} in contracts/wsdl): the same
 * MunicipalSignal documents as the REST and file deliveries, and the withdrawal notices, written as XML.
 */
@Component(Routes.MUNICIPAL_SOAP_DOCUMENTS)
public class MunicipalSoapDocuments {

    public static final String NAMESPACE = "https://signaalpoort.nl/schemas/municipal-delivery/v1";
    public static final String OPERATION = "leverSignalen";

    /** The request element; only it is namespace-qualified (elementFormDefault unqualified). */
    @JacksonXmlRootElement(localName = OPERATION, namespace = NAMESPACE)
    public record LeverSignalen(UUID batchId, @JacksonXmlElementWrapper(useWrapping = false) List<MunicipalSignal> signaal,
            @JacksonXmlElementWrapper(useWrapping = false) @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MunicipalWithdrawal> intrekking) {
    }

    public String batchXml(DeliveryBatch batch) throws IOException {
        return Mappers.OUTBOUND_XML.writeValueAsString(new LeverSignalen(batch.batchId(), batch.documents(), batch.withdrawals()));
    }

    /** The request as CXF's PAYLOAD mode takes it: no SOAP headers, one body element. */
    public CxfPayload<SoapHeader> payload(DeliveryBatch batch) throws IOException {
        return new CxfPayload<>(new ArrayList<>(), List.of(batchElement(batch)));
    }

    /**
     * Only a {@code leverSignalenResponse} counts as delivered: an HTTP 200 with anything else in
     * the body is not an acknowledgement.
     */
    public void requireAcknowledgement(CxfPayload<SoapHeader> response) {
        boolean acknowledged = response != null && response.getBodySources().size() == 1
                && response.getBody().stream().anyMatch(e -> NAMESPACE.equals(e.getNamespaceURI())
                        && (OPERATION + "Response").equals(e.getLocalName()));
        if (!acknowledged) {
            throw new NotAcknowledgedException();
        }
    }

    /** The municipality answered, but not with the acknowledgement the contract asks for. */
    public static final class NotAcknowledgedException extends IllegalStateException {
        NotAcknowledgedException() {
            super("the SOAP answer is not a leverSignalenResponse");
        }
    }

    /** The payload as a DOM element. */
    public Element batchElement(DeliveryBatch batch) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(batchXml(batch)))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot build the SOAP payload: " + e.getClass().getSimpleName());
        }
    }
}
