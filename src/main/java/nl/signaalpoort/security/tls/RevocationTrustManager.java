package nl.signaalpoort.security.tls;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import nl.signaalpoort.security.tls.RevocationCheck.Status;
import nl.signaalpoort.security.tls.RevocationProperties.WhenUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API port's trust decision for client certificates: first the JDK's own (the chain leads to
 * a trusted CA, dates, key usage), then revocation. A revoked certificate fails the handshake; one
 * whose status nobody can tell fails it too, unless the policy says to accept (fail open), which
 * is counted and logged. Certificates are named by serial number and issuer only.
 */
final class RevocationTrustManager extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationTrustManager.class);

    private final X509ExtendedTrustManager chain;
    private final RevocationCheck revocation;
    private final WhenUnavailable whenUnavailable;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

    enum Outcome { GOOD, REVOKED, UNKNOWN_REFUSED, UNKNOWN_ACCEPTED }

    RevocationTrustManager(X509ExtendedTrustManager chain, RevocationCheck revocation, WhenUnavailable whenUnavailable,
            MeterRegistry meters) {
        this.chain = chain;
        this.revocation = revocation;
        this.whenUnavailable = whenUnavailable;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("signaalpoort.tls.revocation.checks")
                    .description("Client certificate revocation checks on the API port, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters));
        }
    }

    /** The JDK's PKIX trust manager over a trust store, without revocation (that is checked here). */
    static X509ExtendedTrustManager pkix(KeyStore trustStore) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trustStore);
        return Arrays.stream(factory.getTrustManagers()).filter(X509ExtendedTrustManager.class::isInstance)
                .map(X509ExtendedTrustManager.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no X.509 trust manager"));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket) throws CertificateException {
        chain.checkClientTrusted(certificates, authType, socket);
        checkRevocation(certificates);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) throws CertificateException {
        chain.checkClientTrusted(certificates, authType, engine);
        checkRevocation(certificates);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        chain.checkClientTrusted(certificates, authType);
        checkRevocation(certificates);
    }

    void checkRevocation(X509Certificate[] certificates) throws CertificateException {
        Status status = revocation.check(certificates);
        X509Certificate certificate = certificates[0];
        String named = "serial=" + certificate.getSerialNumber().toString(16) + " issuer=" + certificate.getIssuerX500Principal().getName();
        switch (status) {
            case GOOD -> outcomes.get(Outcome.GOOD).increment();
            case REVOKED -> {
                outcomes.get(Outcome.REVOKED).increment();
                LOG.warn("client certificate refused: revoked {}", named);
                throw new CertificateException("client certificate revoked");
            }
            case UNKNOWN -> {
                if (whenUnavailable == WhenUnavailable.ACCEPT) {
                    outcomes.get(Outcome.UNKNOWN_ACCEPTED).increment();
                    LOG.warn("client certificate accepted without a revocation status (fail open): {}", named);
                } else {
                    outcomes.get(Outcome.UNKNOWN_REFUSED).increment();
                    LOG.warn("client certificate refused: no revocation status available (fail closed) {}", named);
                    throw new CertificateException("client certificate revocation status unknown");
                }
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket) throws CertificateException {
        chain.checkServerTrusted(certificates, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) throws CertificateException {
        chain.checkServerTrusted(certificates, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        chain.checkServerTrusted(certificates, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chain.getAcceptedIssuers();
    }
}
