package nl.signaalpoort.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval    how often the outbox is polled (also bounds the latency of urgent signals)
 * @param claimLimit      the most entries claimed per poll
 * @param lease           how long a claim holds unless renewed; after a crash, the longest its entries wait for another node
 * @param leaseRenewal    how often a node renews the leases of the deliveries it is running
 * @param recordRetry     how often a node retries recording a delivery the municipality acknowledged while the database was away
 * @param maxAttempts     attempts before an entry becomes a dead letter
 * @param maxAge          age after which a failing entry becomes a dead letter, whatever its attempts
 * @param initialBackoff  wait after the first failure; doubled per attempt, with jitter
 * @param maxBackoff      the longest wait between attempts
 * @param workers         municipalities delivered to at the same time (one delivery per municipality at a time), and as many again in the urgent lane
 * @param callTimeout     time limit of one delivery call; a backstop behind the HTTP client's own timeouts
 * @param breaker         the circuit breaker each municipality gets
 */
@ConfigurationProperties("signaalpoort.delivery")
public record DeliveryProperties(Duration pollInterval, int claimLimit, Duration lease, Duration leaseRenewal, Duration recordRetry,
        int maxAttempts, Duration maxAge, Duration initialBackoff, Duration maxBackoff, int workers, Duration callTimeout, Breaker breaker) {

    public DeliveryProperties {
        // A call starts only with a whole call-timeout of lease left; renewals must be able to keep it so.
        if (lease.compareTo(callTimeout.plus(leaseRenewal.multipliedBy(2))) < 0) {
            throw new IllegalStateException("signaalpoort.delivery.lease must be at least call-timeout plus twice lease-renewal");
        }
    }

    /**
     * @param failureRatePercent failure rate that opens the breaker
     * @param minimumCalls       calls before the rate counts
     * @param window             calls in the sliding window
     * @param openFor            how long an open breaker stops deliveries before trying again
     */
    public record Breaker(float failureRatePercent, int minimumCalls, int window, Duration openFor) {

        /** The one breaker configuration every outgoing target gets (municipalities, partners' push endpoints). */
        public CircuitBreakerConfig toConfig() {
            return CircuitBreakerConfig.custom()
                    .failureRateThreshold(failureRatePercent)
                    .minimumNumberOfCalls(minimumCalls)
                    .slidingWindowSize(window)
                    .waitDurationInOpenState(openFor)
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .automaticTransitionFromOpenToHalfOpenEnabled(true)
                    .recordExceptions(Exception.class)
                    .build();
        }
    }
}
