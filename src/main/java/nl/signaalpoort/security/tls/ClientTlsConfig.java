package nl.signaalpoort.security.tls;

import javax.net.ssl.SSLContext;
import nl.signaalpoort.camel.Routes;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's side of two-way TLS towards municipalities and partners: its own client
 * certificate (its OIN) and the CAs it trusts for their servers, from the SSL bundle
 * {@value #BUNDLE}. Camel's HTTP endpoints (REST delivery, feedback push) take it as their SSL
 * context parameters when the address is https ({@link ClientTls}), the SOAP delivery's CXF conduit
 * as its TLS client parameters; both verify the server's host name against its certificate.
 */
@Configuration
public class ClientTlsConfig {

    /** The SSL bundle with the gateway's client key store and its trust store for targets. */
    public static final String BUNDLE = "client";

    @Bean(Routes.CLIENT_TLS)
    SSLContextParameters clientTls(SslBundles bundles) {
        return new BundleContextParameters(bundles.getBundle(BUNDLE));
    }

    /** Camel's SSL context parameters, answering with the Spring bundle's context instead of building one from files. */
    static final class BundleContextParameters extends SSLContextParameters {

        private final SslBundle bundle;

        BundleContextParameters(SslBundle bundle) {
            this.bundle = bundle;
        }

        @Override
        public SSLContext createSSLContext(CamelContext camelContext) {
            return bundle.createSslContext();
        }
    }
}
