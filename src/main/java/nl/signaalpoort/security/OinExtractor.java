package nl.signaalpoort.security;

import java.security.cert.X509Certificate;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.preauth.x509.X509PrincipalExtractor;

/**
 * Reads the OIN from the certificate's subject serialNumber (OID 2.5.4.5), as PKIoverheid
 * certificates carry it. Anything else in the subject is ignored.
 */
public class OinExtractor implements X509PrincipalExtractor {

    private static final String SERIAL_NUMBER_OID = "2.5.4.5";
    private static final String KEYWORD = "SERIALNUMBER";

    @Override
    public Object extractPrincipal(X509Certificate certificate) {
        String name = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of(SERIAL_NUMBER_OID, KEYWORD));
        try {
            for (Rdn rdn : new LdapName(name).getRdns()) {
                if (KEYWORD.equalsIgnoreCase(rdn.getType())) {
                    String oin = rdn.getValue().toString();
                    if (oin.matches("[0-9]{20}")) {
                        return oin;
                    }
                }
            }
        } catch (InvalidNameException e) {
            throw new BadCredentialsException("unreadable certificate subject");
        }
        throw new BadCredentialsException("certificate subject has no OIN in serialNumber");
    }
}
