package nl.signaalpoort.intake.soap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import org.apache.wss4j.common.crypto.Merlin;
import org.springframework.stereotype.Component;

/**
 * The certificates partners with the 2W-be-S profile sign SOAP messages with (registry:
 * {@code soap.signingCertificate}), read at start-up: WS-Security trusts exactly these, and a
 * message must be signed by the calling partner's own.
 */
@Component
public class PartnerSigningCertificates {

    private final Map<String, X509Certificate> byPartner = new HashMap<>();
    private final Merlin crypto = new Merlin();

    public PartnerSigningCertificates(PartnerRegistry partners) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        for (Partner partner : partners.all()) {
            if (partner.soap().signingCertificate() != null) {
                try (InputStream in = Files.newInputStream(Path.of(partner.soap().signingCertificate()))) {
                    X509Certificate certificate = (X509Certificate) x509.generateCertificate(in);
                    byPartner.put(partner.id(), certificate);
                    trusted.setCertificateEntry(partner.id(), certificate);
                }
            }
        }
        crypto.setTrustStore(trusted);
    }

    public Optional<X509Certificate> of(String partnerId) {
        return Optional.ofNullable(byPartner.get(partnerId));
    }

    /** WSS4J's view: a trust store of exactly the registered signing certificates. */
    Merlin crypto() {
        return crypto;
    }
}
