package nl.signaalpoort.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one cluster service Camel's {@code master:} routes elect their leader with (camel-spring-boot
 * adds it to the context and starts and stops it with it). Existing engines only: Camel's
 * file-lock service on the shared volume, or its Kubernetes lease service.
 */
@Configuration
public class ClusterConfig {

    @Bean
    CamelClusterService clusterService(ClusterProperties properties) {
        return create(properties, nodeId(properties));
    }

    @Bean
    ClusterNode clusterNode(CamelClusterService clusterService, MeterRegistry meters) {
        return new ClusterNode(clusterService.getId(), clusterService, meters);
    }

    static CamelClusterService create(ClusterProperties properties, String nodeId) {
        if (properties.type() == ClusterProperties.Type.KUBERNETES) {
            ClusterProperties.Kubernetes k = properties.kubernetes();
            KubernetesClusterService service = new KubernetesClusterService();
            service.setId(nodeId);
            service.setPodName(nodeId);
            service.setLeaseResourceType(LeaseResourceType.Lease);
            // setNamespace would not reach the resources with this constructor: the resources' namespace is its own setting.
            service.setKubernetesResourcesNamespace(k.namespace());
            service.setKubernetesResourceName(k.leaseName());
            service.setLeaseDurationMillis(k.leaseDuration().toMillis());
            service.setRenewDeadlineMillis(k.renewDeadline().toMillis());
            service.setRetryPeriodMillis(k.retryPeriod().toMillis());
            return service;
        }
        ClusterProperties.File f = properties.file();
        FileLockClusterService service = new FileLockClusterService();
        service.setId(nodeId);
        service.setRoot(f.root().toAbsolutePath().toString());
        service.setAcquireLockDelay(f.acquireLockDelay().toMillis(), TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(f.acquireLockInterval().toMillis(), TimeUnit.MILLISECONDS);
        service.setHeartbeatTimeoutMultiplier(f.heartbeatTimeoutMultiplier());
        return service;
    }

    /** The configured name, else the host name (a pod's name on Kubernetes), with a suffix so two processes on one host differ. */
    static String nodeId(ClusterProperties properties) {
        if (properties.nodeId() != null && !properties.nodeId().isBlank()) {
            return properties.nodeId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return properties.type() == ClusterProperties.Type.KUBERNETES ? host : host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
