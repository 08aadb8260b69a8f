package nl.signaalpoort.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {

    private static final ClusterProperties.File FILE = new ClusterProperties.File(Path.of("shared/cluster"), Duration.ofSeconds(1),
            Duration.ofSeconds(2), 5);
    private static final ClusterProperties.Kubernetes KUBERNETES = new ClusterProperties.Kubernetes("signaalpoort", "signaalpoort-leader",
            Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

    @Test
    void theFileElectionLocksInTheSharedFolderWithTheConfiguredTiming() {
        var service = (FileLockClusterService) ClusterConfig.create(new ClusterProperties(ClusterProperties.Type.FILE, null, FILE, KUBERNETES),
                "node-a");
        assertThat(service.getId()).isEqualTo("node-a");
        assertThat(Path.of(service.getRoot())).isAbsolute().endsWithRaw(Path.of("shared/cluster"));
        assertThat(service.getAcquireLockIntervalUnit().toMillis(service.getAcquireLockInterval())).isEqualTo(2000);
        assertThat(service.getAcquireLockDelayUnit().toMillis(service.getAcquireLockDelay())).isEqualTo(1000);
        assertThat(service.getHeartbeatTimeoutMultiplier()).isEqualTo(5);
        assertThat(FILE.failoverBound()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void theKubernetesElectionUsesALeaseInTheConfiguredNamespace() {
        var service = (KubernetesClusterService) ClusterConfig.create(
                new ClusterProperties(ClusterProperties.Type.KUBERNETES, "gateway-0", FILE, KUBERNETES), "gateway-0");
        assertThat(service.getPodName()).isEqualTo("gateway-0");
        assertThat(service.getLeaseResourceType()).isEqualTo(LeaseResourceType.Lease);
        assertThat(service.getKubernetesResourcesNamespace()).isEqualTo("signaalpoort");
        assertThat(service.getKubernetesResourceName()).isEqualTo("signaalpoort-leader");
        assertThat(service.getLeaseDurationMillis()).isEqualTo(15_000);
        assertThat(service.getRenewDeadlineMillis()).isEqualTo(10_000);
        assertThat(service.getRetryPeriodMillis()).isEqualTo(2_000);
    }

    @Test
    void aNodeIdIsTheConfiguredOneOrAUniqueOne() {
        assertThat(ClusterConfig.nodeId(new ClusterProperties(ClusterProperties.Type.FILE, "gateway-a", FILE, KUBERNETES))).isEqualTo("gateway-a");
        String one = ClusterConfig.nodeId(new ClusterProperties(ClusterProperties.Type.FILE, "", FILE, KUBERNETES));
        String two = ClusterConfig.nodeId(new ClusterProperties(ClusterProperties.Type.FILE, null, FILE, KUBERNETES));
        assertThat(one).isNotBlank().isNotEqualTo(two);
    }

    @Test
    void settingsThatCannotElectAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ClusterProperties.File(Path.of("x"), Duration.ofSeconds(1), Duration.ofSeconds(1), 1))
                .hasMessageContaining("heartbeat-timeout-multiplier");
        assertThatThrownBy(() -> new ClusterProperties(ClusterProperties.Type.KUBERNETES, null, FILE,
                new ClusterProperties.Kubernetes("ns", "lease", Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(2))))
                .hasMessageContaining("lease-duration");
        assertThatThrownBy(() -> new ClusterProperties(ClusterProperties.Type.FILE, null, null, KUBERNETES))
                .hasMessageContaining("file.root");
    }
}
