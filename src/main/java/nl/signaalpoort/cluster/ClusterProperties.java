package nl.signaalpoort.cluster;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the nodes elect the one that runs the singleton work (routes started through
 * {@code master:}).
 *
 * @param type       FILE: a lock file on a volume every node mounts (the volume of
 *                   {@code signaalpoort.files.root} serves); KUBERNETES: a Lease object
 * @param nodeId     this node's name in the cluster, in leases and logs (default: the host name)
 * @param file       the file-lock election
 * @param kubernetes the Kubernetes lease election
 */
@ConfigurationProperties("signaalpoort.cluster")
public record ClusterProperties(Type type, String nodeId, File file, Kubernetes kubernetes) {


    public enum Type {
        FILE,
        KUBERNETES
    }

    /**
     * @param root                where the lock files lie; on a volume every node shares
     * @param acquireLockDelay    how long a starting node waits before it tries to become leader
     * @param acquireLockInterval how often the leader writes its heartbeat and a follower looks; the same on every node
     * @param heartbeatTimeoutMultiplier after this many intervals without a heartbeat a follower takes over: with the
     *                   interval, it bounds the failover time (interval x multiplier, plus one interval)
     */
    public record File(Path root, Duration acquireLockDelay, Duration acquireLockInterval, int heartbeatTimeoutMultiplier) {

        public File {
            if (heartbeatTimeoutMultiplier < 2) {
                throw new IllegalStateException("signaalpoort.cluster.file.heartbeat-timeout-multiplier must be at least 2");
            }
        }

        /** The longest a dead leader's singleton work waits for another node to take it. */
        public Duration failoverBound() {
            return acquireLockInterval.multipliedBy(heartbeatTimeoutMultiplier + 1L);
        }
    }

    /**
     * @param namespace     the Kubernetes namespace of the Lease (and of the pods)
     * @param leaseName     the Lease's name
     * @param leaseDuration how long a lease holds without renewal; bounds the failover time
     * @param renewDeadline how long the leader keeps trying to renew before it gives up leadership (below leaseDuration)
     * @param retryPeriod   how often candidates and the leader act
     */
    public record Kubernetes(String namespace, String leaseName, Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    }

    public ClusterProperties {
        if (type == null) {
            throw new IllegalStateException("signaalpoort.cluster.type must be FILE or KUBERNETES");
        }
        if (type == Type.FILE && (file == null || file.root() == null)) {
            throw new IllegalStateException("signaalpoort.cluster.file.root is required for the FILE cluster");
        }
        if (type == Type.KUBERNETES && (kubernetes == null || kubernetes.leaseDuration() == null || kubernetes.renewDeadline() == null
                || kubernetes.renewDeadline().compareTo(kubernetes.leaseDuration()) >= 0)) {
            throw new IllegalStateException("signaalpoort.cluster.kubernetes needs a lease-duration longer than its renew-deadline");
        }
    }
}
