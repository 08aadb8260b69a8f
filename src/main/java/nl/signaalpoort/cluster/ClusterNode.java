package nl.signaalpoort.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.signaalpoort.camel.Routes;
import org.apache.camel.cluster.CamelClusterService;

/**
 * This gateway node: its name in the cluster (the owner of its outbox leases, shown on /ops) and
 * whether it holds the leadership of the singleton routes. The leadership itself is Camel's
 * cluster service's; this only reads it.
 */
public class ClusterNode {

    private final String id;
    private final CamelClusterService service;

    public ClusterNode(String id, CamelClusterService service, MeterRegistry meters) {
        this.id = id;
        this.service = service;
        Gauge.builder("signaalpoort.cluster.leader", this, n -> n.isLeader() ? 1 : 0)
                .description("1 on the node that runs the singleton routes (master:), 0 on the others").register(meters);
    }

    public String id() {
        return id;
    }

    /** Whether this node runs the singleton work now. */
    public boolean isLeader() {
        return service.isLeader(Routes.SINGLETON_NAMESPACE);
    }
}
