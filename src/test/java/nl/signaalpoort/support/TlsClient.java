package nl.signaalpoort.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real HTTPS client (the JDK's) presenting one of the certificates in certs-dev/, or none.
 * Trusts only the development CA, as a partner's client would trust the gateway's real CA.
 */
public final class TlsClient {

    private static final char[] PASSWORD = "changeit-dev-only".toCharArray();

    private final HttpClient http;
    private final String baseUrl;

    private TlsClient(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** A client presenting {@code certs-dev/<identity>.p12}; null identity presents no certificate. */
    public static TlsClient as(String identity, int port) {
        HttpClient http = HttpClient.newBuilder().sslContext(sslContext(identity)).connectTimeout(Duration.ofSeconds(5)).build();
        return new TlsClient(http, "https://localhost:" + port);
    }

    /** TLS presenting {@code certs-dev/<identity>.p12} (none when null), trusting only the development CA. */
    public static SSLContext sslContext(String identity) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of("certs-dev/truststore.p12"))) {
                trust.load(in, PASSWORD);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (identity != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(Path.of("certs-dev", identity + ".p12"))) {
                    keys.load(in, PASSWORD);
                }
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, PASSWORD);
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ssl;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build TLS context for " + identity, e);
        }
    }

    /** A SOAP 1.1 request as any non-Java client sends it: text/xml and a SOAPAction header. */
    public HttpResponse<String> postSoap(String path, String envelope, String action) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return postJson(path, body, null);
    }

    public HttpResponse<String> postJsonAs(String path, String body, String contentType) throws IOException, InterruptedException {
        return post(path, body, contentType, null);
    }

    public HttpResponse<String> postJson(String path, String body, String language) throws IOException, InterruptedException {
        return post(path, body, "application/json", language);
    }

    private HttpResponse<String> post(String path, String body, String contentType, String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST of exactly these bytes, with headers given as name, value, name, value... */
    public HttpResponse<String> postBytes(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any method, no body, with headers given as name, value, name, value... */
    public HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> getWithLanguage(String path, String language) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
