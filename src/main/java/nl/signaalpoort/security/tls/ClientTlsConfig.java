package nl.signaalpoort.security.tls;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's side of two-way TLS towards municipalities and partners: its own client
 * certificate (its OIN) from the SSL bundle {@value #BUNDLE}, and for each server the CAs it trusts
 * there: the certificates registered for that target ({@code trustedCertificates} of a
 * municipality's delivery or a partner's feedback push), else the bundle's trust store. Camel's
 * HTTP endpoints (REST delivery, feedback push) take it as their SSL context parameters when the
 * address is https ({@link ClientTls}), the SOAP delivery's CXF conduit as its TLS client
 * parameters; both verify the server's host name against its certificate.
 */
@Configuration
public class ClientTlsConfig {

    /** The SSL bundle with the gateway's client key store and its trust store for targets. */
    public static final String BUNDLE = "client";

    /** The one TLS context for calls out. */
    public record ClientSslContext(SSLContext context) {
    }

    @Bean
    ClientSslContext clientSslContext(SslBundles bundles, MunicipalityRegistry municipalities, PartnerRegistry partners)
            throws GeneralSecurityException {
        Map<String, String> trustFiles = new HashMap<>();
        for (Municipality m : municipalities.all()) {
            if (m.delivery().trustedCertificates() != null) {
                add(trustFiles, m.delivery().endpoint(), m.delivery().trustedCertificates(), "municipality registry: '" + m.code() + "'");
            }
        }
        for (Partner p : partners.all()) {
            if (p.feedbackPush() != null && p.feedbackPush().trustedCertificates() != null) {
                add(trustFiles, p.feedbackPush().endpoint(), p.feedbackPush().trustedCertificates(), "partner registry: '" + p.id() + "'");
            }
        }
        SslBundle bundle = bundles.getBundle(BUNDLE);
        Map<String, X509ExtendedTrustManager> byTarget = new HashMap<>();
        trustFiles.forEach((target, file) -> byTarget.put(target, trustManager(pemTrustStore(file))));
        X509ExtendedTrustManager common = trustManager(bundle.getStores().getTrustStore());
        SSLContext context = SSLContext.getInstance(bundle.getProtocol());
        context.init(bundle.getManagers().getKeyManagers(), new TrustManager[] {new TargetTrustManager(common, byTarget)}, null);
        return new ClientSslContext(context);
    }

    @Bean(Routes.CLIENT_TLS)
    SSLContextParameters clientTls(ClientSslContext context) {
        return new FixedContextParameters(context.context());
    }

    private static void add(Map<String, String> trustFiles, String endpoint, String file, String entry) {
        URI uri = URI.create(endpoint);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalStateException(entry + ": trustedCertificates is for an https endpoint");
        }
        String target = TargetTrustManager.target(uri.getHost(), uri.getPort() == -1 ? 443 : uri.getPort());
        String before = trustFiles.putIfAbsent(target, file);
        if (before != null && !before.equals(file)) {
            throw new IllegalStateException(entry + ": " + target + " is registered with two different trustedCertificates");
        }
    }

    private static KeyStore pemTrustStore(String file) {
        String location = file.startsWith("file:") || file.startsWith("classpath:") ? file : "file:" + file;
        try {
            KeyStore store = new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(location)).getTrustStore();
            if (store.size() == 0) {
                throw new IllegalStateException("no certificate in " + file);
            }
            return store;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("trustedCertificates " + file + " cannot be read as PEM certificates", e);
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore trustStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the client trust store cannot be used", e);
        }
    }

    /** Camel's SSL context parameters, answering with the context built here instead of building one from files. */
    static final class FixedContextParameters extends SSLContextParameters {

        private final SSLContext context;

        FixedContextParameters(SSLContext context) {
            this.context = context;
        }

        @Override
        public SSLContext createSSLContext(CamelContext camelContext) {
            return context;
        }
    }
}
