package nl.signaalpoort.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.store.RouteControlRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators suspend and resume routes (one partner's SFTP polling, delivery to one municipality,
 * a job): the route stops taking work, stays so across restarts ({@link SuspendedRoutesPolicy})
 * until resumed, and every change is in the audit trail. Also what the /ops page shows per route.
 */
@Component
public class RouteControl {

    /** One route as operators see it. */
    public record RouteView(String id, String description, String status, boolean suspendedByOperator, long exchanges, long failures,
            Instant lastSuccess, Instant lastFailure) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RouteControl.class);

    private final CamelContext camel;
    private final RouteControlRepository repository;
    private final RouteActivity activity;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    public RouteControl(CamelContext camel, RouteControlRepository repository, RouteActivity activity, AuditTrail audit,
            TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
        this.camel = camel;
        this.repository = repository;
        this.activity = activity;
        this.audit = audit;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    public List<RouteView> routes() {
        Set<String> suspended = repository.suspended();
        return camel.getRoutes().stream().sorted(Comparator.comparing(Route::getRouteId)).map(r -> {
            var a = activity.of(r.getRouteId());
            return new RouteView(r.getRouteId(), r.getDescription(), status(r.getRouteId()).name(), suspended.contains(r.getRouteId()),
                    count("camel.exchanges.total", r.getRouteId()), count("camel.exchanges.failed", r.getRouteId()),
                    a.flatMap(RouteActivity.Activity::lastSuccessAt).orElse(null),
                    a.flatMap(RouteActivity.Activity::lastFailureAt).orElse(null));
        }).toList();
    }

    public ServiceStatus status(String routeId) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        return status == null ? ServiceStatus.Stopped : status;
    }

    /** Whether the route takes work now. */
    public boolean running(String routeId) {
        return status(routeId) == ServiceStatus.Started;
    }

    public void suspend(String routeId, String operatorOin) {
        requireRoute(routeId);
        try {
            // Marked as not starting by itself: Camel's route health check then counts it as managed by
            // someone (UP), so a route an operator paused never makes the gateway unready.
            camel.getRoute(routeId).setAutoStartup(false);
            camel.getRouteController().suspendRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("route " + routeId + " could not be suspended: " + e.getClass().getSimpleName());
        }
        record(routeId, true, operatorOin, AuditAction.ROUTE_SUSPENDED);
    }

    public void resume(String routeId, String operatorOin) {
        requireRoute(routeId);
        try {
            camel.getRoute(routeId).setAutoStartup(true);
            if (status(routeId) == ServiceStatus.Suspended) {
                camel.getRouteController().resumeRoute(routeId);
            } else if (status(routeId) != ServiceStatus.Started) {
                camel.getRouteController().startRoute(routeId);
            }
        } catch (Exception e) {
            throw new IllegalStateException("route " + routeId + " could not be resumed: " + e.getClass().getSimpleName());
        }
        record(routeId, false, operatorOin, AuditAction.ROUTE_RESUMED);
    }

    private void record(String routeId, boolean suspended, String operatorOin, AuditAction action) {
        transactions.executeWithoutResult(tx -> {
            repository.set(routeId, suspended, operatorOin, clock.instant());
            audit.record(AuditEntry.about(AuditEntry.Actor.operator(operatorOin), action, AuditEntry.SubjectType.ROUTE, routeId));
        });
        LOG.warn("route {} {} by operator {}", routeId, suspended ? "suspended" : "resumed", operatorOin);
    }

    private void requireRoute(String routeId) {
        if (routeId == null || camel.getRoute(routeId) == null) {
            throw new ApiProblemException(ProblemCode.NOT_FOUND);
        }
    }

    private long count(String name, String routeId) {
        Counter counter = meters.find(name).tag("routeId", routeId).counter();
        return counter == null ? 0 : (long) counter.count();
    }
}
