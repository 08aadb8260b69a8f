package nl.signaalpoort.security.tls;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Arrays;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts revocation checking behind the API port's TLS: Tomcat gets a JSSE context built from the
 * server SSL bundle (its key and trust store) with {@link RevocationTrustManager} as trust manager.
 */
@Configuration
@EnableConfigurationProperties(RevocationProperties.class)
@ConditionalOnProperty(name = "signaalpoort.tls.revocation.enabled", havingValue = "true", matchIfMissing = true)
class ServerTlsConfig {

    /** The JDK fetches CRLs from a certificate's distribution points only when this is set. */
    static final String CRL_DISTRIBUTION_POINTS = "com.sun.security.enableCRLDP";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> revocationCheckingConnector(ServerProperties server,
            SslBundles bundles, RevocationProperties revocation, MeterRegistry meters, Clock clock) {
        return factory -> {
            if (server.getSsl() == null || server.getSsl().getBundle() == null) {
                return;
            }
            TomcatSslContext context = sslContext(bundles.getBundle(server.getSsl().getBundle()), revocation, meters, clock);
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http && http.isSSLEnabled()) {
                    for (SSLHostConfig host : http.findSslHostConfigs()) {
                        for (SSLHostConfigCertificate certificate : host.getCertificates()) {
                            certificate.setSslContext(context);
                        }
                    }
                }
            });
        };
    }

    static TomcatSslContext sslContext(SslBundle bundle, RevocationProperties revocation, MeterRegistry meters, Clock clock) {
        try {
            if (revocation.distributionPoints()) {
                System.setProperty(CRL_DISTRIBUTION_POINTS, "true");
            }
            KeyStore trustStore = bundle.getStores().getTrustStore();
            if (trustStore == null) {
                throw new IllegalStateException("the server SSL bundle has no trust store: client certificates cannot be checked");
            }
            X509ExtendedTrustManager chain = RevocationTrustManager.pkix(trustStore);
            RevocationCheck check = new RevocationCheck(trustStore,
                    new CrlFiles(revocation.crlFiles(), revocation.reloadInterval(), clock), revocation.ocsp());
            RevocationTrustManager trust = new RevocationTrustManager(chain, check, revocation.whenUnavailable(), meters);
            KeyManager[] keyManagers = bundle.getManagers().getKeyManagers();
            X509KeyManager keys = Arrays.stream(keyManagers).filter(X509KeyManager.class::isInstance)
                    .map(X509KeyManager.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the server SSL bundle has no key"));
            SSLContext jsse = SSLContext.getInstance(bundle.getProtocol());
            jsse.init(keyManagers, new javax.net.ssl.TrustManager[] {trust}, null);
            return new TomcatSslContext(jsse, keys, trust);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the server TLS context cannot be built", e);
        }
    }
}
