package nl.signaalpoort.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollIntervalMs  how often the outbox is polled (also bounds the latency of urgent signals)
 * @param claimLimit      the most entries claimed per poll
 * @param lease           how long a claim holds before another node may take the entries over
 * @param maxAttempts     attempts before an entry becomes a dead letter
 * @param initialBackoff  wait after the first failure; doubled per attempt, with jitter
 * @param maxBackoff      the longest wait between attempts
 */
@ConfigurationProperties("signaalpoort.delivery")
public record DeliveryProperties(long pollIntervalMs, int claimLimit, Duration lease, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff) {
}
