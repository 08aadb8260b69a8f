package nl.signaalpoort.support;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * A load generator's rate: at most so many steps per second, waiting for a permit instead of
 * sleeping a fixed time (Resilience4j's rate limiter, as the gateway itself uses).
 */
public final class Pace {

    private final RateLimiter limiter;

    private Pace(int perSecond) {
        this.limiter = RateLimiter.of("pace-" + perSecond, RateLimiterConfig.custom().limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(5)).build());
    }

    public static Pace perSecond(int steps) {
        return new Pace(steps);
    }

    /** Waits until the next step may go; false if interrupted. */
    public boolean next() {
        try {
            limiter.acquirePermission();
            return !Thread.currentThread().isInterrupted();
        } catch (io.github.resilience4j.ratelimiter.RequestNotPermitted e) {
            return !Thread.currentThread().isInterrupted();
        }
    }
}
