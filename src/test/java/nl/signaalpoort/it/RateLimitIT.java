package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.signaalpoort.support.SoapClients;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One partner over its rate limit is refused with 429 and Retry-After on REST and a fault on SOAP,
 * nothing of the refused request is processed, and another partner goes on meanwhile.
 */
class RateLimitIT {

    private static final String NS = "urn:signaalpoort:soap:v1";

    @Test
    void anOrganisationOverItsLimitIsRefusedUntilThePeriodRenewsWhileOthersGoOn() throws Exception {
        StandaloneGateway gateway = new StandaloneGateway("rate_limit_it")
                .with("signaalpoort.rate-limits.organisations.demo-water.requests", 3)
                .with("signaalpoort.rate-limits.organisations.demo-water.period", "PT10S");
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            TlsClient water = TlsClient.as("partner-water", port);
            for (int i = 0; i < 3; i++) {
                assertThat(water.get("/api/v1/feedback").statusCode()).isEqualTo(200);
            }

            String reference = nl.signaalpoort.support.SignalJson.uniqueReference("RATE");
            HttpResponse<String> refused = water.postJson("/api/v1/signals",
                    nl.signaalpoort.support.SignalJson.signal(reference, nl.signaalpoort.support.SignalJson.UTRECHT, "120.00"));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(new ObjectMapper().readTree(refused.body()).path("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 10L);
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM signals WHERE reference = ?", Integer.class,
                    reference)).isZero();

            String envelope = SoapClients.envelope(NS + ":fetchFeedback", port, "<v1:fetchFeedback xmlns:v1=\"" + NS + "\"/>");
            HttpResponse<String> soap = water.postSoap(SoapClients.PATH, envelope, NS + ":fetchFeedback");
            assertThat(soap.statusCode()).isEqualTo(500);
            assertThat(soap.body()).contains("<code>TOO_MANY_REQUESTS</code>");
            assertThat(soap.headers().firstValue("Retry-After")).isPresent();
            String messageId = envelope.replaceAll("(?s).*<wsa:MessageID>([^<]+)</wsa:MessageID>.*", "$1");
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM soap_message_ids WHERE message_id = ?",
                    Integer.class, messageId)).as("a refused message uses up no MessageID").isZero();

            // Another partner is not held up by the first one's limit.
            assertThat(TlsClient.as("partner-energie", port).get("/api/v1/feedback").statusCode()).isEqualTo(200);

            // After Retry-After the partner may go on.
            await().atMost(Duration.ofSeconds(retryAfter + 5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> water.get("/api/v1/feedback").statusCode() == 200);
            assertThat(app.getBean(io.micrometer.core.instrument.MeterRegistry.class).get("signaalpoort.rate.limited")
                    .tag("organisation", "demo-water").counter().count()).isGreaterThanOrEqualTo(2);
        }
    }
}
