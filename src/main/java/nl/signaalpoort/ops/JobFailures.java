package nl.signaalpoort.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.store.DatabaseFailures;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the scheduled routes do when a run fails (routeConfiguration {@code jobs}): count it (also as
 * the route's failure in a row, which the alert SignaalpoortRouteFailing watches), and
 * log the route and the error's class, once when a route starts failing and then at most once a
 * minute while it goes on (a database outage would otherwise log a stack trace per route several
 * times a second), and once when the route works again. Never the exception's message: it can
 * quote data. The next run simply tries again.
 */
@Component(Routes.JOB_FAILURES)
public class JobFailures {

    private static final Logger LOG = LoggerFactory.getLogger(JobFailures.class);
    private static final Duration QUIET = Duration.ofMinutes(1);

    private record Streak(Instant since, Instant lastLogged, long failures) {
    }

    private final Map<String, Streak> failing = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;

    private final RouteActivity activity;

    public JobFailures(MeterRegistry meters, Clock clock, RouteActivity activity) {
        this.activity = activity;
        this.meters = meters;
        this.clock = clock;
    }

    /** A run of the exchange's route failed, and the route handles it (the next run tries again). */
    public void failed(Exchange exchange) {
        activity.handledFailure(String.valueOf(exchange.getFromRouteId()));
        note(exchange);
    }

    /** A run failed and stays failed (a batch file left for the next poll): Camel counts the failure itself. */
    public void failedUnhandled(Exchange exchange) {
        note(exchange);
    }

    private void note(Exchange exchange) {
        String route = String.valueOf(exchange.getFromRouteId());
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = e == null ? "unknown" : DatabaseFailures.isUnavailable(e) ? "DATABASE_UNAVAILABLE" : e.getClass().getName();
        Counter.builder("signaalpoort.job.failures").description("Failed runs of scheduled routes, by route and error")
                .tag("route", route).tag("error", error).register(meters).increment();
        Instant now = clock.instant();
        Streak streak = failing.compute(route, (r, s) -> s == null ? new Streak(now, Instant.MIN, 1)
                : new Streak(s.since(), s.lastLogged(), s.failures() + 1));
        if (streak.lastLogged().plus(QUIET).isBefore(now)) {
            failing.put(route, new Streak(streak.since(), now, streak.failures()));
            LOG.warn("route {} failing since {} ({} runs): {}", route, streak.since(), streak.failures(), error);
        }
    }

    /** A run of the exchange's route worked: a failing streak, if any, is over. */
    public void succeeded(Exchange exchange) {
        // A failure handled by the configuration also completes the exchange: that run did not work.
        if (failing.isEmpty() || exchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null) {
            return;
        }
        Streak streak = failing.remove(String.valueOf(exchange.getFromRouteId()));
        if (streak != null) {
            LOG.info("route {} works again after {} failed runs since {}", exchange.getFromRouteId(), streak.failures(), streak.since());
        }
    }
}
