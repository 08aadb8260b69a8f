package nl.signaalpoort.security.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a certificate chain that already chains to a trusted CA has been revoked: the JDK's PKIX
 * validator with its revocation checker (OCSP where the certificate names a responder, the CRLs
 * otherwise), strict, so that "could not tell" is an answer of its own and the policy decides.
 */
final class RevocationCheck {

    enum Status { GOOD, REVOKED, UNKNOWN }

    private final Set<TrustAnchor> anchors;
    private final CrlFiles crls;
    private final boolean ocsp;

    RevocationCheck(KeyStore trustStore, CrlFiles crls, boolean ocsp) throws GeneralSecurityException {
        this.anchors = new PKIXParameters(trustStore).getTrustAnchors();
        this.crls = crls;
        this.ocsp = ocsp;
    }

    Status check(X509Certificate[] chain) {
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            checker.setOptions(ocsp ? EnumSet.noneOf(PKIXRevocationChecker.Option.class)
                    : EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.addCertPathChecker(checker);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls.crls())));
            validator.validate(pathBelowAnchor(chain), parameters);
            return Status.GOOD;
        } catch (CertPathValidatorException e) {
            return e.getReason() == BasicReason.REVOKED ? Status.REVOKED : Status.UNKNOWN;
        } catch (GeneralSecurityException e) {
            return Status.UNKNOWN;
        }
    }

    /** The presented chain without the trusted CA certificates a client may send along. */
    private CertPath pathBelowAnchor(X509Certificate[] chain) throws GeneralSecurityException {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            if (anchors.stream().anyMatch(a -> certificate.equals(a.getTrustedCert()))) {
                break;
            }
            path.add(certificate);
        }
        return CertificateFactory.getInstance("X.509").generateCertPath(path);
    }
}
