package nl.signaalpoort.security.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One Resilience4j rate limiter per organisation, never waiting: a request over the limit is
 * refused at once with how long until the next one fits. Per node: with two nodes behind a load
 * balancer an organisation gets at most twice its limit.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimits {

    private final RateLimitProperties properties;
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
    private final MeterRegistry meters;

    public RateLimits(RateLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    /** Empty when the organisation may go on; otherwise how long until it may (at least a second, as Retry-After counts). */
    public Optional<Duration> refusal(String organisationId) {
        RateLimiter limiter = limiters.rateLimiter(organisationId, () -> config(properties.of(organisationId)));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        Counter.builder("signaalpoort.rate.limited").description("Requests refused for going over the organisation's rate limit")
                .tag("organisation", organisationId).register(meters).increment();
        Duration wait = untilRefresh(limiter);
        return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
    }

    /** Whole seconds for a Retry-After header, rounded up. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The atomic limiter (Resilience4j's default) knows when its next permission comes; otherwise a whole period. */
    private static Duration untilRefresh(RateLimiter limiter) {
        if (limiter.getMetrics() instanceof io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter.AtomicRateLimiterMetrics m) {
            return Duration.ofNanos(Math.max(0, m.getNanosToWait()));
        }
        return limiter.getRateLimiterConfig().getLimitRefreshPeriod();
    }

    private static RateLimiterConfig config(RateLimitProperties.Limit limit) {
        return RateLimiterConfig.custom().limitForPeriod(limit.requests()).limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO).build();
    }
}
