package nl.signaalpoort.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class OutboxLedgerTest {

    private final DeliveryProperties properties = new DeliveryProperties(Duration.ofMillis(250), 100, Duration.ofMinutes(2),
            Duration.ofSeconds(5), Duration.ofSeconds(1), 12, Duration.ofDays(7),
            Duration.ofSeconds(2), Duration.ofMinutes(30), 4, Duration.ofSeconds(45),
            new DeliveryProperties.Breaker(50, 5, 10, Duration.ofMinutes(1)));
    private final OutboxLedger ledger = new OutboxLedger(null, properties, Clock.systemUTC(), new SimpleMeterRegistry(), null, null, null);

    @Test
    void backoffDoublesWithJitterAndIsCapped() {
        for (int i = 0; i < 200; i++) {
            assertThat(ledger.backoff(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(ledger.backoff(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(ledger.backoff(40)).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(30));
        }
    }

    @Test
    void describesErrorsWithoutTheirMessages() {
        assertThat(OutboxLedger.describe(new HttpOperationFailedException("http://x", 503, "Service Unavailable", null, null, "secret body")))
                .isEqualTo("HTTP 503");
        assertThat(OutboxLedger.describe(new IllegalStateException("personal data here")))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(OutboxLedger.describe(new RuntimeException("wrapped", new java.net.SocketTimeoutException("x"))))
                .isEqualTo("java.net.SocketTimeoutException");
        assertThat(OutboxLedger.describe(new RuntimeException("split", new HttpOperationFailedException("http://x", 502, "Bad", null, null, ""))))
                .isEqualTo("HTTP 502");
    }
}
