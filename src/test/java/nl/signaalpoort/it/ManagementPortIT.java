package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.signaalpoort.support.AbstractGatewayIT;
import org.junit.jupiter.api.Test;

/**
 * The management port as an operator deploys it: on the loopback address only (a container
 * overrides that for its own network), and only what probes and Prometheus need.
 */
class ManagementPortIT extends AbstractGatewayIT {

    @Test
    void onlyLoopbackReachesIt() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", managementPort), 2000);
            assertThat(socket.isConnected()).isTrue();
        }
        // Linux answers all of 127/8 on the loopback interface; a port bound to 0.0.0.0 would accept here too.
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.2", managementPort), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void onlyHealthInfoAndPrometheusAreThereAndHealthShowsNoDetails() throws Exception {
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("\"details\"");
        for (String path : new String[] {"/actuator/metrics", "/actuator/env", "/actuator/configprops", "/actuator/beans",
                "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings", "/actuator/shutdown"}) {
            // Not served: nothing by that name on this port (the API chain answers an unknown path with its own refusal).
            assertThat(get(path).statusCode()).as(path).isIn(401, 403, 404);
        }
        HttpResponse<String> write = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isIn(403, 405);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
