package nl.signaalpoort.intake.soap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import javax.xml.namespace.QName;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.store.DatabaseFailures;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every SOAP fault the channel sends carries a stable code and our own sentence, in the detail
 * element {@code fault} of the contract: never the parser's, the validator's or WSS4J's words,
 * which may quote the message (and so personal data). Unknown failures are INTERNAL_ERROR.
 */
class SoapFaultTranslator extends AbstractSoapInterceptor {

    static final String NAMESPACE = "urn:signaalpoort:soap:v1";
    private static final Logger LOG = LoggerFactory.getLogger(SoapFaultTranslator.class);

    private final Messages messages;
    private final MeterRegistry meters;

    SoapFaultTranslator(Messages messages, MeterRegistry meters) {
        super(Phase.PRE_LOGICAL);
        this.messages = messages;
        this.meters = meters;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        Verdict verdict = verdict(fault);
        fault.setMessage(verdict.sentence());
        fault.setFaultCode(new QName(Soap11.SOAP_NAMESPACE, verdict.client() ? "Client" : "Server"));
        Document document = DOMUtils.createDocument();
        Element detail = document.createElement("detail");
        Element body = document.createElementNS(NAMESPACE, "fault");
        Element code = document.createElementNS(NAMESPACE, "code");
        code.setTextContent(verdict.code());
        Element sentence = document.createElementNS(NAMESPACE, "message");
        sentence.setTextContent(verdict.sentence());
        body.appendChild(code);
        body.appendChild(sentence);
        detail.appendChild(body);
        fault.setDetail(detail);
        Counter.builder("signaalpoort.soap.faults").description("SOAP faults by code").tag("code", verdict.code())
                .register(meters).increment();
        LOG.info("soap fault code={}", verdict.code());
    }

    private record Verdict(String code, String sentence, boolean client) {
    }

    private Verdict verdict(Fault fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof SoapRefusedException e) {
                return soap(e.code());
            }
            if (t instanceof ApiProblemException e) {
                return new Verdict(e.code().name(), messages.problem(e.code()), e.code().status().is4xxClientError());
            }
        }
        if (DatabaseFailures.isUnavailable(fault)) {
            LOG.warn("soap request met an unavailable database: {}", rootClass(fault));
            return soap(SoapFaultCode.DATABASE_UNAVAILABLE);
        }
        String text = texts(fault);
        if (text.contains("dtd") || text.contains("doctype") || text.contains("entity")) {
            return soap(SoapFaultCode.XML_REFUSED);
        }
        if (text.contains("limit") || text.contains("maximum")) {
            return soap(SoapFaultCode.MESSAGE_TOO_LARGE);
        }
        if (text.contains("unmarshalling") || text.contains("cvc-") || text.contains("unexpected element")) {
            return soap(SoapFaultCode.SCHEMA_VIOLATION);
        }
        if (text.contains("addressing")) {
            return soap(SoapFaultCode.ADDRESSING_REQUIRED);
        }
        if (Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode()) || "Client".equals(fault.getFaultCode().getLocalPart())
                || "VersionMismatch".equals(fault.getFaultCode().getLocalPart())) {
            return soap(SoapFaultCode.MALFORMED_SOAP);
        }
        LOG.warn("soap request failed inside the gateway: {}", rootClass(fault));
        return new Verdict(SoapFaultCode.INTERNAL_ERROR.name(), messages.soapFault(SoapFaultCode.INTERNAL_ERROR.name()), false);
    }

    private Verdict soap(SoapFaultCode code) {
        return new Verdict(code.name(), messages.soapFault(code.name()),
                code != SoapFaultCode.INTERNAL_ERROR && code != SoapFaultCode.DATABASE_UNAVAILABLE);
    }

    /** The messages of the whole cause chain, lower case: read to classify, never passed on. */
    private static String texts(Throwable fault) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = fault; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(' ').append(t.getMessage()).append('\n');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private static String rootClass(Throwable fault) {
        Throwable root = fault;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }
}
