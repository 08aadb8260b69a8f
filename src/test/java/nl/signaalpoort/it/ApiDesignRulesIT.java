package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;

/**
 * The NL API Design Rules that only the running gateway can show: the published contract
 * readable from any origin in JSON and YAML, the security headers on every answer, problem
 * details with a detail sentence, unknown query parameters refused, and health without details.
 */
class ApiDesignRulesIT extends AbstractGatewayIT {

    private static final String OTHER_ORIGIN = "https://developer.overheid.nl";

    @Test
    void theContractIsReadableFromAnyOriginWithoutACertificate() throws Exception {
        HttpResponse<String> json = as(null).send("GET", "/api/v1/openapi.json", "Origin", OTHER_ORIGIN);
        HttpResponse<String> yaml = as(null).send("GET", "/api/v1/openapi.yaml", "Origin", OTHER_ORIGIN);
        HttpResponse<String> preflight = as(null).send("OPTIONS", "/api/v1/openapi.json", "Origin", OTHER_ORIGIN,
                "Access-Control-Request-Method", "GET");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(yaml.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("GET"));

        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(Path.of("contracts/openapi/signaalpoort-v1.yaml").toFile());
        assertThat(json(json.body())).isEqualTo(file);
        assertThat(new ObjectMapper(new YAMLFactory()).readTree(yaml.body())).isEqualTo(file);
        assertThat(json(json.body()).at("/servers/0/url").asText()).endsWith("/api/v1");
    }

    @Test
    void otherPathsGiveOtherOriginsNothing() throws Exception {
        HttpResponse<String> preflight = as(null).send("OPTIONS", "/api/v1/signals", "Origin", OTHER_ORIGIN,
                "Access-Control-Request-Method", "POST");
        HttpResponse<String> read = as("partner-energie").send("GET", "/api/v1/partners/me/rules", "Origin", OTHER_ORIGIN);

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[] {
                as("partner-energie").get("/api/v1/partners/me/rules"),
                as(null).get("/api/v1/partners/me/rules"),
                as("partner-energie").postJson("/api/v1/signals", "{not json"),
                as(null).get("/api/v1/openapi.json"),
                as("partner-energie").get("/api/v1/no-such-thing")}) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as("%s", response.uri())
                    .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            assertThat(response.headers().firstValue("API-Version")).contains("1.0.0");
        }
    }

    @Test
    void everyProblemSaysWhatToDoInTheCallersLanguage() throws Exception {
        JsonNode dutch = json(as("partner-energie").postJson("/api/v1/signals", "[]").body());
        JsonNode english = json(as("partner-energie").postJson("/api/v1/signals", "[]", "en").body());
        JsonNode unauthenticated = json(as(null).get("/api/v1/partners/me/rules").body());

        assertThat(dutch.get("code").asText()).isEqualTo("EMPTY_BATCH");
        assertThat(dutch.get("status").asInt()).isEqualTo(400);
        assertThat(dutch.get("title").asText()).isEqualTo("De batch bevat geen signalen.");
        assertThat(dutch.get("detail").asText()).isEqualTo("Stuur ten minste één signaal in de array; er is niets opgeslagen.");
        assertThat(english.get("detail").asText()).isEqualTo("Send at least one signal in the array; nothing was stored.");
        assertThat(unauthenticated.get("code").asText()).isEqualTo("CLIENT_CERTIFICATE_REQUIRED");
        assertThat(unauthenticated.get("detail").asText()).contains("PKIoverheid");
    }

    @Test
    void theDetailNeverQuotesTheRequest() throws Exception {
        String canary = "Kanariepietersen";
        JsonNode problem = json(as("partner-energie").postJson("/api/v1/signals", "{\"surname\":\"" + canary + "\"").body());

        assertThat(problem.get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(problem.toString()).doesNotContain(canary);
    }

    @Test
    void aRequestTomcatRefusesBeforeTheApplicationStillGetsAProblem() throws Exception {
        // Headers over server.max-http-request-header-size (32 kB): refused by the connector, never seen by Spring.
        HttpResponse<String> huge = as("partner-energie").send("GET", "/api/v1/partners/me/rules", "X-Filler", "x".repeat(40_000));

        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(huge.body());
        assertThat(problem.get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(huge.body()).doesNotContain("Tomcat").doesNotContain("<html");
    }

    @Test
    void aQueryParameterTheOperationDoesNotHaveIsRefused() throws Exception {
        HttpResponse<String> misspelt = as("partner-energie").get("/api/v1/feedback?afer=10");
        HttpResponse<String> known = as("partner-energie").get("/api/v1/feedback?after=0&limit=5");
        HttpResponse<String> onSubmit = as("partner-energie").postJson("/api/v1/signals?test=1",
                SignalJson.signal(SignalJson.uniqueReference("PARAM"), SignalJson.AMSTERDAM, "130.00"));

        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(json(misspelt.body()).get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(onSubmit.statusCode()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference LIKE 'PARAM-%'")).isZero();
    }

    @Test
    void healthShowsEachCheckOnALineWithoutDetails() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode body = json(health.body());
        assertThat(body.get("components")).isNotEmpty();
        body.get("components").fields().forEachRemaining(check -> {
            assertThat(check.getValue().has("status")).as(check.getKey()).isTrue();
            assertThat(check.getValue().has("details")).as("%s shows details", check.getKey()).isFalse();
        });
        assertThat(health.body()).doesNotContain("stacktrace").doesNotContain("Exception");
    }
}
