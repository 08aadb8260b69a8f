package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Client certificates are checked for revocation on the API port. The development CA's CRL
 * (certs-dev/ca.crl) revokes one certificate of Demo Energie; another names an OCSP responder that
 * nobody runs, so its status is known only from the CRL.
 */
class RevocationIT extends AbstractGatewayIT {

    @Test
    void aRevokedCertificateFailsTheHandshakeWhileTheSameOrganisationsValidOneWorks() throws Exception {
        assertThatThrownBy(() -> as("partner-energie-revoked").get("/api/v1/feedback")).isInstanceOf(IOException.class);

        assertThat(as("partner-energie").get("/api/v1/feedback").statusCode()).isEqualTo(200);
        // OCSP unreachable, the CRL answers: not revoked.
        assertThat(as("partner-energie-ocsp").get("/api/v1/feedback").statusCode()).isEqualTo(200);
        assertThat(metrics()).containsPattern("signaalpoort_tls_revocation_checks_total\\{[^}]*outcome=\"revoked\"[^}]*\\} [1-9]");
    }

    @Test
    void withNoRevocationSourceTheGatewayFailsClosedUnlessToldToFailOpen() throws Exception {
        StandaloneGateway gateway = new StandaloneGateway("revocation_it")
                .with("signaalpoort.tls.revocation.crl-files", "")
                .with("signaalpoort.tls.revocation.when-unavailable", "REFUSE");
        try (ConfigurableApplicationContext closed = gateway.start()) {
            int port = StandaloneGateway.port(closed);
            assertThatThrownBy(() -> TlsClient.as("partner-energie", port).get("/api/v1/feedback")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> TlsClient.as("partner-energie-ocsp", port).get("/api/v1/feedback")).isInstanceOf(IOException.class);
            // Without a certificate the answer is the API's own, not a TLS failure.
            assertThat(TlsClient.as(null, port).get("/api/v1/feedback").statusCode()).isEqualTo(401);
            // The JDK client tries a refused GET once more, so each refusal may count twice.
            assertThat(count(closed, "unknown_refused")).isGreaterThanOrEqualTo(2);
            assertThat(count(closed, "good")).isZero();
        }
        try (ConfigurableApplicationContext open = gateway.with("signaalpoort.tls.revocation.when-unavailable", "ACCEPT").start()) {
            int port = StandaloneGateway.port(open);
            assertThat(TlsClient.as("partner-energie-ocsp", port).get("/api/v1/feedback").statusCode()).isEqualTo(200);
            assertThat(count(open, "unknown_accepted")).isEqualTo(1);
            assertThat(count(open, "unknown_refused")).isZero();
        }
    }

    private static double count(ConfigurableApplicationContext context, String outcome) {
        return context.getBean(MeterRegistry.class).get("signaalpoort.tls.revocation.checks").tag("outcome", outcome).counter().count();
    }

    private String metrics() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
