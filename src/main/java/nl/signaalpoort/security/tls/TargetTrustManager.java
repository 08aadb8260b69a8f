package nl.signaalpoort.security.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Judges a server the gateway calls by the trust registered for that target (its host and port),
 * or by the client trust store when none is. A target's own trust replaces the common one: a
 * server certificate from any other CA fails, however trusted elsewhere. Host names are still
 * checked by the delegates (the clients set HTTPS endpoint identification).
 */
final class TargetTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager common;
    private final Map<String, X509ExtendedTrustManager> byTarget;

    TargetTrustManager(X509ExtendedTrustManager common, Map<String, X509ExtendedTrustManager> byTarget) {
        this.common = common;
        this.byTarget = Map.copyOf(byTarget);
    }

    /** The key of a target: lower-case host and port. */
    static String target(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    X509ExtendedTrustManager trustFor(String host, int port) {
        return host == null ? common : byTarget.getOrDefault(target(host, port), common);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        X509ExtendedTrustManager trust = session == null ? common : trustFor(session.getPeerHost(), session.getPeerPort());
        trust.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        trustFor(engine.getPeerHost(), engine.getPeerPort()).checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        common.checkServerTrusted(chain, authType);
    }

    // The gateway's client context never serves; client certificates are judged by the server's own trust.
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the gateway's client TLS does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the gateway's client TLS does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the gateway's client TLS does not accept clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return common.getAcceptedIssuers();
    }
}
