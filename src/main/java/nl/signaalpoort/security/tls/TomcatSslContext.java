package nl.signaalpoort.security.tls;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * A ready JSSE context handed to Tomcat, which then uses it instead of building its own: the only
 * way to put our trust manager (with revocation) behind Tomcat's connector. Protocols, suites and
 * client authentication are still applied by Tomcat per connection from the SSL host config.
 */
final class TomcatSslContext implements org.apache.tomcat.util.net.SSLContext {

    private final SSLContext context;
    private final X509KeyManager keys;
    private final X509TrustManager trust;

    TomcatSslContext(SSLContext context, X509KeyManager keys, X509TrustManager trust) {
        this.context = context;
        this.keys = keys;
        this.trust = trust;
    }

    @Override
    public void init(KeyManager[] kms, TrustManager[] tms, SecureRandom sr) {
        // Initialised already, with our managers.
    }

    @Override
    public void destroy() {
        // Nothing held beyond the JSSE context itself.
    }

    @Override
    public SSLSessionContext getServerSessionContext() {
        return context.getServerSessionContext();
    }

    @Override
    public SSLEngine createSSLEngine() {
        return context.createSSLEngine();
    }

    @Override
    public SSLServerSocketFactory getServerSocketFactory() {
        return context.getServerSocketFactory();
    }

    @Override
    public SSLParameters getSupportedSSLParameters() {
        return context.getSupportedSSLParameters();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        String name = alias;
        if (name == null) {
            String[] aliases = keys.getServerAliases("RSA", null);
            if (aliases == null || aliases.length == 0) {
                aliases = keys.getServerAliases("EC", null);
            }
            name = aliases == null || aliases.length == 0 ? null : aliases[0];
        }
        return name == null ? null : keys.getCertificateChain(name);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }
}
