package nl.signaalpoort.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.signaalpoort.camel.Routes;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When each route last succeeded and last failed, for every route (an exchange completed or
 * failed) and for every poll of a partner's SFTP server (also a poll that found nothing: Camel
 * hands polls to this strategy, {@code pollStrategy=#routeActivity}). Gauges
 * {@code signaalpoort_route_last_success_timestamp_seconds{route}} and {@code _last_failure_}, so an
 * alert sees a job or a poll that keeps failing, or stopped running.
 */
@Component(Routes.ROUTE_ACTIVITY)
public class RouteActivity extends EventNotifierSupport implements PollingConsumerPollStrategy {

    /** The last success and failure of one route, as epoch milliseconds (0: never). */
    public record Activity(AtomicLong lastSuccess, AtomicLong lastFailure, AtomicLong failuresInARow) {

        public Optional<Instant> lastSuccessAt() {
            return lastSuccess.get() == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastSuccess.get()));
        }

        public Optional<Instant> lastFailureAt() {
            return lastFailure.get() == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastFailure.get()));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RouteActivity.class);

    private final Map<String, Activity> routes = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;

    public RouteActivity(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeEvent e && e.getExchange().getFromRouteId() != null) {
            Exchange exchange = e.getExchange();
            if (event instanceof CamelEvent.ExchangeFailedEvent) {
                failed(exchange.getFromRouteId());
            } else if (event instanceof CamelEvent.ExchangeCompletedEvent && exchange.getException() == null
                    && exchange.getProperty(Exchange.EXCEPTION_CAUGHT) == null) {
                // A failure the route's configuration handled (a problem answer, a job's failure) is no success.
                succeeded(exchange.getFromRouteId());
            }
        }
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        routeOf(consumer).ifPresent(this::succeeded);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        routeOf(consumer).ifPresent(this::failed);
        // The class only: a connection or host-key problem, never file content.
        LOG.warn("poll failed route={} error={}", routeOf(consumer).orElse("?"), cause.getClass().getSimpleName());
        return false;
    }

    public Map<String, Activity> all() {
        return Map.copyOf(routes);
    }

    public Optional<Activity> of(String routeId) {
        return Optional.ofNullable(routes.get(routeId));
    }

    private void succeeded(String routeId) {
        Activity a = activity(routeId);
        a.lastSuccess().set(clock.millis());
        a.failuresInARow().set(0);
    }

    /** A failure the route handled itself (a scheduled job's, ops.JobFailures): it counts as one. */
    public void handledFailure(String routeId) {
        failed(routeId);
    }

    private void failed(String routeId) {
        Activity a = activity(routeId);
        a.lastFailure().set(clock.millis());
        a.failuresInARow().incrementAndGet();
    }

    private Activity activity(String routeId) {
        return routes.computeIfAbsent(routeId, id -> {
            Activity a = new Activity(new AtomicLong(), new AtomicLong(), new AtomicLong());
            Gauge.builder("signaalpoort.route.last.success.timestamp.seconds", a, x -> x.lastSuccess().get() / 1000.0)
                    .description("When the route last completed without failure (0: never since start)").tag("route", id).register(meters);
            Gauge.builder("signaalpoort.route.last.failure.timestamp.seconds", a, x -> x.lastFailure().get() / 1000.0)
                    .description("When the route last failed (0: never since start)").tag("route", id).register(meters);
            Gauge.builder("signaalpoort.route.failures.in.a.row", a, x -> x.failuresInARow().get())
                    .description("Failures since the route last succeeded").tag("route", id).register(meters);
            return a;
        });
    }

    private static Optional<String> routeOf(Consumer consumer) {
        return consumer instanceof RouteIdAware aware ? Optional.ofNullable(aware.getRouteId()) : Optional.empty();
    }
}
