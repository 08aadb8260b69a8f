package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What operators watch and do, through the running gateway: the gauges show a backlog and an
 * urgent signal the test made, every metric the alert rules and the dashboard use exists, and a
 * route an operator suspended stays suspended across a restart until resumed.
 */
class OperationsIT extends AbstractGatewayIT {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.actuate.health.HealthEndpoint health;

    private static final Pattern METRIC = Pattern.compile("\\b((?:signaalpoort|resilience4j|camel)_[a-z0-9_]+)");
    /** Gauges that exist only while something is going on (a batch file in progress): checked in BatchProgressTest. */
    private static final Set<String> WHILE_IN_PROGRESS = Set.of("signaalpoort_batch_file_rows_done", "signaalpoort_batch_file_rows_in_file");

    @Test
    void theGaugesShowAnUrgentSignalWaitingBehindASuspendedMunicipality() throws Exception {
        TlsClient operator = as("operator");
        assertThat(operator.send("POST", "/ops/v1/routes/deliver-to-GM0344/suspend").statusCode()).isEqualTo(200);
        try {
            String crisis = json(as("partner-energie").postJson("/api/v1/signals", SignalJson.of(SignalJson.uniqueReference("URGENT"))
                    .postcode(SignalJson.UTRECHT).set("crisis", true).json()).body()).at("/receipts/0/signalId").asText();

            await().atMost(Duration.ofSeconds(10)).until(() -> gauge("signaalpoort_outbox_urgent_pending{municipality=\"GM0344\"}") >= 1
                    && gauge("signaalpoort_outbox_urgent_oldest_age_seconds{municipality=\"GM0344\"}") > 0);
            assertThat(gauge("signaalpoort_outbox_pending{municipality=\"GM0344\"}")).isGreaterThanOrEqualTo(1);
            assertThat(gauge("signaalpoort_outbox_urgent_age_limit_seconds")).isEqualTo(3600);
            assertThat(gauge("signaalpoort_outbox_backlog_age_limit_seconds{municipality=\"GM0599\"}")).isEqualTo(2 * 3600 + 86400);
            assertThat(status(crisis)).isEqualTo("PENDING");
            assertThat(gauge("signaalpoort_route_last_success_timestamp_seconds{route=\"intake-rest\"}")).isPositive();
            assertThat(health.healthForPath("readiness").getStatus()).as("the readiness group")
                    .isEqualTo(org.springframework.boot.actuate.health.Status.UP);
            assertThat(gauge("signaalpoort_ready")).isEqualTo(1);

            assertThat(operator.send("POST", "/ops/v1/routes/deliver-to-GM0344/resume").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(crisis)));
            await().atMost(Duration.ofSeconds(10)).until(() -> gauge("signaalpoort_outbox_urgent_pending{municipality=\"GM0344\"}") == 0);
            assertThat(scrape()).contains("signaalpoort_delivery_latency_seconds_bucket{municipality=\"GM0344\",urgent=\"true\"");
        } finally {
            operator.send("POST", "/ops/v1/routes/deliver-to-GM0344/resume");
        }
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardUseExists() throws Exception {
        deliveredSignal("METRICS");
        as("partner-energie").postJson("/api/v1/signals", SignalJson.signal(SignalJson.uniqueReference("METRICS"), "0000XX", "130.00"));
        Set<String> used = new TreeSet<>();
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker/prometheus/alerts.yml").toFile());
        rules.at("/groups").forEach(g -> g.get("rules").forEach(r -> collect(r.get("expr").asText(), used)));
        JsonNode dashboard = JSON.readTree(Path.of("docker/grafana/provisioning/dashboards/signaalpoort.json").toFile());
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> collect(t.get("expr").asText(), used)));
        assertThat(used).hasSizeGreaterThan(15);

        String scrape = scrape();
        for (String metric : used) {
            if (!WHILE_IN_PROGRESS.contains(metric)) {
                assertThat(scrape).as("the gateway exports %s", metric).containsPattern("(?m)^" + Pattern.quote(metric) + "(_bucket|_count|_sum)?[{ ]");
            }
        }
    }

    @Test
    void aSuspendedRouteStaysSuspendedAcrossARestartUntilResumed() throws Exception {
        StandaloneGateway gateway = new StandaloneGateway("route_control_it");
        try (ConfigurableApplicationContext first = gateway.start()) {
            TlsClient operator = TlsClient.as("operator", StandaloneGateway.port(first));
            JsonNode suspended = json(operator.send("POST", "/ops/v1/routes/retention/suspend").body());
            // A singleton route's master: consumer cannot be suspended: the route is stopped.
            assertThat(suspended.get("status").asText()).isEqualTo("Stopped");
            assertThat(suspended.get("suspendedByOperator").asBoolean()).isTrue();
            assertThat(operator.send("POST", "/ops/v1/routes/route-control/suspend").statusCode()).isEqualTo(400);
            assertThat(operator.send("POST", "/ops/v1/routes/no-such-route/suspend").statusCode()).isEqualTo(404);
            assertThat(TlsClient.as("partner-energie", StandaloneGateway.port(first)).send("POST", "/ops/v1/routes/retention/resume")
                    .statusCode()).isEqualTo(403);
        }
        try (ConfigurableApplicationContext second = gateway.start()) {
            CamelContext camel = second.getBean(CamelContext.class);
            assertThat(camel.getRouteController().getRouteStatus("retention")).isNotEqualTo(ServiceStatus.Started);
            assertThat(camel.getRouteController().getRouteStatus("audit-seal")).isEqualTo(ServiceStatus.Started);
            TlsClient operator = TlsClient.as("operator", StandaloneGateway.port(second));
            assertThat(json(operator.send("POST", "/ops/v1/routes/retention/resume").body()).get("status").asText()).isEqualTo("Started");
            assertThat(camel.getRouteController().getRouteStatus("retention")).isEqualTo(ServiceStatus.Started);
            var jdbc = second.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE subject_id = 'retention' ORDER BY audit_id", String.class))
                    .containsExactly("ROUTE_SUSPENDED", "ROUTE_RESUMED");
        }
        try (ConfigurableApplicationContext third = gateway.start()) {
            assertThat(third.getBean(CamelContext.class).getRouteController().getRouteStatus("retention")).isEqualTo(ServiceStatus.Started);
        }
    }

    private static void collect(String expression, Set<String> into) {
        Matcher m = METRIC.matcher(expression);
        while (m.find()) {
            into.add(m.group(1).replaceAll("_(bucket|count|sum)$", ""));
        }
    }

    private String scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of one series, 0 when it is absent. */
    private double gauge(String series) throws Exception {
        return scrape().lines().filter(l -> l.startsWith(series.contains("{") ? series.substring(0, series.length() - 1) : series + " ")
                        || l.startsWith(series + " "))
                .filter(l -> !series.contains("{") || l.startsWith(series.substring(0, series.length() - 1)))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    private String status(String signalId) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(signalId));
    }
}
