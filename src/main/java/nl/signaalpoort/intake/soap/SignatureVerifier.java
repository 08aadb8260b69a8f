package nl.signaalpoort.intake.soap;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.security.OrganisationPrincipal;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS-Security for the 2W-be-S profile (WSS4J): a partner with that profile must send a timestamp
 * and an X.509 signature, made with its own registered certificate. Partners on 2W-be send no
 * security header and are let through; a header they do send must still verify. Every refusal
 * becomes one of our codes, never WSS4J's own words.
 */
class SignatureVerifier extends WSS4JInInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureVerifier.class);
    private static final QName SECURITY = new QName(WSConstants.WSSE_NS, WSConstants.WSSE_LN);
    private static final String CRYPTO = "signaalpoort.partnerSigningCrypto";

    private final PartnerRegistry partners;
    private final PartnerSigningCertificates certificates;

    SignatureVerifier(PartnerRegistry partners, PartnerSigningCertificates certificates, long timestampTtlSeconds) {
        super(properties(certificates, timestampTtlSeconds));
        this.partners = partners;
        this.certificates = certificates;
    }

    private static Map<String, Object> properties(PartnerSigningCertificates certificates, long ttl) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        p.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, CRYPTO);
        p.put(CRYPTO, certificates.crypto());
        p.put(ConfigurationConstants.TTL_TIMESTAMP, String.valueOf(ttl));
        p.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        p.put(ConfigurationConstants.ENABLE_SIGNATURE_CONFIRMATION, "false");
        return p;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        OrganisationPrincipal caller = SoapCaller.current();
        Partner partner = caller == null ? null : partners.byId(caller.organisationId()).orElse(null);
        boolean required = partner != null && partner.soap().profile() == Partner.SoapProfile.TWO_WAY_SIGNED;
        boolean present = message.getHeader(SECURITY) != null;
        if (!present) {
            if (required) {
                throw new SoapRefusedException(SoapFaultCode.SIGNATURE_REQUIRED);
            }
            return;
        }
        try {
            super.handleMessage(message);
        } catch (Fault fault) {
            SoapFaultCode code = codeOf(fault);
            LOG.info("ws-security refused: {} ({})", code, wss4jCode(fault));
            throw new SoapRefusedException(code);
        }
        X509Certificate signer = signer(message);
        X509Certificate registered = partner == null ? null : certificates.of(partner.id()).orElse(null);
        if (signer == null || !Objects.equals(signer, registered)) {
            LOG.info("ws-security refused: signed by {} certificate", signer == null ? "no" : "another than the registered");
            throw new SoapRefusedException(SoapFaultCode.SIGNATURE_INVALID);
        }
    }

    private static SoapFaultCode codeOf(Fault fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof WSSecurityException e) {
                if (e.getErrorCode() == WSSecurityException.ErrorCode.MESSAGE_EXPIRED) {
                    return SoapFaultCode.TIMESTAMP_EXPIRED;
                }
                String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (text.contains("replay")) {
                    return SoapFaultCode.REPLAYED_MESSAGE;
                }
                if (text.contains("timestamp") || text.contains("created")) {
                    return SoapFaultCode.TIMESTAMP_EXPIRED;
                }
            }
        }
        return SoapFaultCode.SIGNATURE_INVALID;
    }

    /** WSS4J's error code only: its messages may quote the message. */
    private static String wss4jCode(Fault fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof WSSecurityException e) {
                return String.valueOf(e.getErrorCode());
            }
        }
        return fault.getFaultCode() == null ? "?" : fault.getFaultCode().getLocalPart();
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate signer(SoapMessage message) {
        List<WSHandlerResult> results = (List<WSHandlerResult>) message.get(WSHandlerConstants.RECV_RESULTS);
        if (results == null) {
            return null;
        }
        for (WSHandlerResult result : results) {
            List<WSSecurityEngineResult> signatures = result.getActionResults().get(WSConstants.SIGN);
            if (signatures != null) {
                for (WSSecurityEngineResult signature : signatures) {
                    Object certificate = signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                    if (certificate instanceof X509Certificate x509) {
                        return x509;
                    }
                }
            }
        }
        return null;
    }
}
