package nl.signaalpoort.security;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.authentication.preauth.x509.X509PrincipalExtractor;

/**
 * Reads the OIN from the certificate's subject serialNumber (OID 2.5.4.5), as PKIoverheid
 * certificates carry it. A subject with no serialNumber, one that is no OIN (20 digits) or more
 * than one is no identity at all: the request goes on unauthenticated and gets the API's own
 * refusal, and the log one line naming the certificate by serial number and issuer.
 */
public class OinExtractor implements X509PrincipalExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(OinExtractor.class);
    private static final String SERIAL_NUMBER_OID = "2.5.4.5";
    private static final String KEYWORD = "SERIALNUMBER";
    private static final Pattern OIN = Pattern.compile("[0-9]{20}");

    @Override
    public Object extractPrincipal(X509Certificate certificate) {
        String oin = oin(certificate);
        if (oin == null) {
            LOG.warn("client certificate refused: subject carries no single well-formed OIN in serialNumber (serial={} issuer={})",
                    certificate.getSerialNumber().toString(16), certificate.getIssuerX500Principal().getName());
        }
        return oin;
    }

    /** The one OIN in the subject, or null when there is none, it is malformed, or there are several. */
    static String oin(X509Certificate certificate) {
        String name = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of(SERIAL_NUMBER_OID, KEYWORD));
        try {
            List<String> serialNumbers = new LdapName(name).getRdns().stream()
                    .filter(rdn -> KEYWORD.equalsIgnoreCase(rdn.getType()))
                    .map(rdn -> String.valueOf(rdn.getValue()))
                    .toList();
            return serialNumbers.size() == 1 && OIN.matcher(serialNumbers.get(0)).matches() ? serialNumbers.get(0) : null;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
