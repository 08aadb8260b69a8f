package nl.signaalpoort.delivery;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.store.OutboxLane;
import org.springframework.stereotype.Component;

/**
 * Resilience4j per municipality: a circuit breaker (one municipality's outage is its own), a
 * bulkhead of one concurrent delivery per lane (which also keeps its order; urgent signals have a
 * lane of their own, {@link OutboxLane}), and a time limiter on each
 * call as a backstop behind the HTTP client's own timeouts (a hung file share has none).
 */
@Component
public class MunicipalResilience {

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final TimeLimiter timeLimiter;
    private final MunicipalityRegistry municipalities;

    public MunicipalResilience(DeliveryProperties properties, MunicipalityRegistry municipalities, MeterRegistry meters) {
        this.breakers = CircuitBreakerRegistry.of(properties.breaker().toConfig());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(properties.callTimeout()).cancelRunningFuture(true).build());
        this.municipalities = municipalities;
        municipalities.all().forEach(m -> {
            breaker(m.code());
            for (OutboxLane lane : OutboxLane.values()) {
                bulkhead(m.code(), lane);
            }
        });
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    public CircuitBreaker breaker(String municipalityCode) {
        return breakers.circuitBreaker("municipality-" + municipalityCode);
    }

    /** The regular lane keeps the name it always had (its metrics); the urgent lane's is marked. */
    public Bulkhead bulkhead(String municipalityCode, OutboxLane lane) {
        return bulkheads.bulkhead("municipality-" + municipalityCode + (lane.urgent() ? "-urgent" : ""));
    }

    public TimeLimiter timeLimiter() {
        return timeLimiter;
    }

    /** Municipalities not to claim for in a lane now: breaker open, or a delivery of the lane to them still in flight. */
    public Set<String> unavailable(OutboxLane lane) {
        return municipalities.all().stream()
                .map(Municipality::code)
                .filter(code -> {
                    CircuitBreaker.State state = breaker(code).getState();
                    return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                            || bulkhead(code, lane).getMetrics().getAvailableConcurrentCalls() == 0;
                })
                .collect(Collectors.toSet());
    }
}
