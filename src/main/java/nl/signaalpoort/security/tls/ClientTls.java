package nl.signaalpoort.security.tls;

import nl.signaalpoort.camel.Routes;

/**
 * Camel endpoint URIs for calls out: an https address gets the gateway's client TLS (see
 * {@link ClientTlsConfig}); set on the HTTP component instead, Camel would make every address https.
 */
public final class ClientTls {

    private ClientTls() {
    }

    public static String camelUri(String url) {
        if (url == null || !url.regionMatches(true, 0, "https:", 0, 6)) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "sslContextParameters=#" + Routes.CLIENT_TLS;
    }
}
