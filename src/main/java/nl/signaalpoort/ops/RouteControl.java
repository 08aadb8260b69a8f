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
import nl.signaalpoort.camel.Routes;
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
@Component(Routes.ROUTE_CONTROL_BEAN)
public class RouteControl {

    /** One route as operators see it; a singleton route takes work only on the node that leads. */
    public record RouteView(String id, String description, String status, boolean suspendedByOperator, boolean singleton, long exchanges,
            long failures, Instant lastSuccess, Instant lastFailure) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RouteControl.class);

    private final CamelContext camel;
    private final RouteControlRepository repository;
    private final RouteActivity activity;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SuspendedRoutesPolicy policy;
    private volatile Set<String> pausedHere;

    public RouteControl(CamelContext camel, RouteControlRepository repository, RouteActivity activity, AuditTrail audit,
            TransactionTemplate transactions, MeterRegistry meters, Clock clock, SuspendedRoutesPolicy policy) {
        this.policy = policy;
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
                    r.getEndpoint().getEndpointUri().startsWith("master:"),
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

    /** Pauses a route on every node: here at once, on the others at their next {@link #reconcile()}. */
    public void suspend(String routeId, String operatorOin) {
        requireRoute(routeId);
        if (Routes.ROUTE_CONTROL.equals(routeId)) {
            // The route that carries operators' pauses to every node is not paused itself.
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        pauseHere(routeId);
        record(routeId, true, operatorOin, AuditAction.ROUTE_SUSPENDED);
    }

    /** Resumes a route on every node, the same way. */
    public void resume(String routeId, String operatorOin) {
        requireRoute(routeId);
        resumeHere(routeId);
        record(routeId, false, operatorOin, AuditAction.ROUTE_RESUMED);
    }

    /**
     * Brings this node's routes in line with what operators decided on any node (route_control):
     * paused routes paused, resumed ones running again (route route-control, every node).
     */
    public void reconcile() {
        Set<String> wanted = repository.suspended();
        for (String routeId : wanted) {
            if (camel.getRoute(routeId) != null && !pausedHere().contains(routeId)) {
                pauseHere(routeId);
                LOG.warn("route {} paused here too, as an operator paused it on another node", routeId);
            }
        }
        for (String routeId : Set.copyOf(pausedHere())) {
            if (!wanted.contains(routeId)) {
                resumeHere(routeId);
                LOG.warn("route {} resumed here too, as an operator resumed it on another node", routeId);
            }
        }
    }

    private Set<String> pausedHere() {
        if (pausedHere == null) {
            pausedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();
            pausedHere.addAll(policy.suspendedAtStart());
        }
        return pausedHere;
    }

    private void pauseHere(String routeId) {
        try {
            // Marked as not starting by itself: Camel's route health check then counts it as managed by
            // someone (UP), so a route an operator paused never makes the gateway unready. A route whose
            // consumer cannot be suspended (a singleton route's master: consumer) is stopped.
            camel.getRoute(routeId).setAutoStartup(false);
            camel.getRouteController().suspendRoute(routeId);
            pausedHere().add(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("route " + routeId + " could not be suspended: " + e.getClass().getSimpleName());
        }
    }

    private void resumeHere(String routeId) {
        try {
            camel.getRoute(routeId).setAutoStartup(true);
            if (status(routeId) == ServiceStatus.Suspended) {
                camel.getRouteController().resumeRoute(routeId);
            } else if (status(routeId) != ServiceStatus.Started) {
                camel.getRouteController().startRoute(routeId);
            }
            pausedHere().remove(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("route " + routeId + " could not be resumed: " + e.getClass().getSimpleName());
        }
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
