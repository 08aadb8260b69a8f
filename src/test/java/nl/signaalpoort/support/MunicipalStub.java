package nl.signaalpoort.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * WireMock standing in for Utrecht's municipal software (a system we do not own). One server for
 * the whole test JVM so the Spring context can be shared between test classes.
 */
public final class MunicipalStub {

    public static final String PATH = "/gm0344/signalen";
    private static WireMockServer server;

    private MunicipalStub() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            acceptAll();
        }
        return server;
    }

    public static String url() {
        return "http://127.0.0.1:" + server().port() + PATH;
    }

    public static void acceptAll() {
        server().stubFor(post(urlMatching("/gm[0-9]{4}/signalen|/[a-z]+/signalen")).willReturn(aResponse().withStatus(202)));
    }

    /** Every request any stubbed municipality received whose body mentions the given signal id. */
    public static List<LoggedRequest> requestsFor(String signalId) {
        return server().findAll(postRequestedFor(urlMatching(".*"))).stream()
                .filter(r -> r.getBodyAsString().contains(signalId))
                .toList();
    }

    /** Requests whose answer was a success (2xx), with the body: what the municipality really received. */
    public static List<String> acceptedBodies(String path) {
        return server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path) && e.getResponse().getStatus() / 100 == 2)
                .filter(e -> e.getResponse().getFault() == null)
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> e.getRequest().getBodyAsString())
                .toList();
    }
}
