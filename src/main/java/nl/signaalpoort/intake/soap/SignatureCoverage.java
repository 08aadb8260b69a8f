package nl.signaalpoort.intake.soap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.ws.security.wss4j.DefaultCryptoCoverageChecker;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.slf4j.LoggerFactory;

/**
 * A signature must cover the body, the timestamp and the WS-Addressing headers (Digikoppeling
 * 2W-be-S), or a signed message could be re-addressed or re-timed. Only judged where there was a
 * signature ({@link SignatureVerifier} already required one for 2W-be-S partners).
 */
class SignatureCoverage extends DefaultCryptoCoverageChecker {

    SignatureCoverage() {
        setSignBody(true);
        setSignTimestamp(true);
        setSignAddressingHeaders(true);
        setEncryptBody(false);
        addAfter(SignatureVerifier.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.get(WSHandlerConstants.RECV_RESULTS) == null) {
            return;
        }
        try {
            super.handleMessage(message);
        } catch (Fault fault) {
            LoggerFactory.getLogger(SignatureCoverage.class).info("ws-security refused: the signature does not cover body, timestamp and addressing headers");
            throw new SoapRefusedException(SoapFaultCode.SIGNATURE_INVALID);
        }
    }
}
