package nl.signaalpoort.ops;

import java.util.Set;
import nl.signaalpoort.store.RouteControlRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a route an operator suspended from starting again when the gateway starts: every route
 * gets this policy, which reads the suspended routes once and turns their auto-start off before
 * anything runs (so a timer or a poll never fires in between).
 */
@Component
public class SuspendedRoutesPolicy implements RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SuspendedRoutesPolicy.class);

    private final RouteControlRepository repository;
    private volatile Set<String> suspendedAtStart;

    public SuspendedRoutesPolicy(RouteControlRepository repository) {
        this.repository = repository;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route route) {
                if (suspendedAtStart().contains(route.getRouteId())) {
                    route.setAutoStartup(false);
                    LOG.warn("route {} stays suspended, as an operator left it", route.getRouteId());
                }
            }
        };
    }

    /** The routes this node kept from starting because an operator had paused them. */
    Set<String> suspendedAtStart() {
        if (suspendedAtStart == null) {
            suspendedAtStart = repository.suspended();
        }
        return suspendedAtStart;
    }
}
