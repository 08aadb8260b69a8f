package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.OperatorBrowser;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The operators' /ops page in a real browser (Debian's headless Chromium) over mutual TLS with the
 * operator certificate: it shows a backlog the test made, suspends and resumes delivery to a
 * municipality, replays a real dead letter after confirmation, and shows no personal data.
 */
class OpsPageIT extends AbstractGatewayIT {

    private static final String UTRECHT_ROUTE = "deliver-to-GM0344";
    private static final String CANARY_SURNAME = "Schermkanariedijk";

    @Test
    void operatorsSeeAndActInARealBrowser() throws Exception {
        try (OperatorBrowser browser = OperatorBrowser.as("operator", "Signaalpoort Operator DEV ONLY", port)) {
            WebDriver page = browser.driver();
            page.get("https://localhost:" + port + "/ops");
            assertThat(page.getTitle()).isEqualTo("Signaalpoort - beheer");
            assertThat(page.findElements(By.cssSelector("#route-table tr[data-route]"))).hasSizeGreaterThan(10);
            // This node is its cluster's only member, so it leads; the singleton routes say where they run.
            assertThat(page.findElement(By.id("node")).getText()).isNotBlank();
            assertThat(page.findElement(By.id("leader")).getText()).startsWith("leider");
            assertThat(page.findElements(By.cssSelector("tr[data-route='retention'] .singleton"))).hasSize(1);
            assertThat(page.findElements(By.cssSelector("tr[data-route='outbox-dispatch'] .singleton"))).isEmpty();

            // Counted from here: a database kept from an earlier run holds that run's entries too.
            int controlEntriesBefore = count("SELECT COUNT(*) FROM audit_log WHERE subject_id = ? AND action IN ('ROUTE_SUSPENDED', "
                    + "'ROUTE_RESUMED')", UTRECHT_ROUTE);
            // Suspend delivery to Utrecht from the page: signals then wait, visibly.
            page.findElement(By.cssSelector("tr[data-route='" + UTRECHT_ROUTE + "'] button.suspend")).click();
            // The form posts and the page comes back; the click may return before that navigation is done, and
            // the old page shows the same status cell ("Started"), so wait for the new page's text.
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> "Suspended".equals(
                    page.findElement(By.cssSelector("tr[data-route='" + UTRECHT_ROUTE + "'] span.status")).getText()));
            assertThat(count("SELECT COUNT(*) FROM route_control WHERE route_id = ? AND suspended = TRUE", UTRECHT_ROUTE)).isEqualTo(1);
            String waiting1 = accept(SignalJson.of(SignalJson.uniqueReference("OPSPAGE")).postcode(SignalJson.UTRECHT)
                    .surname(CANARY_SURNAME).json());
            String waiting2 = accept(SignalJson.signal(SignalJson.uniqueReference("OPSPAGE"), SignalJson.UTRECHT, "130.00"));
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                page.navigate().refresh();
                return Long.parseLong(page.findElement(By.cssSelector("tr[data-municipality='GM0344'] td.pending")).getText()) >= 2;
            });
            assertThat(page.getPageSource()).doesNotContain(CANARY_SURNAME).doesNotContain("Damrak").doesNotContain("J.vdBerg");
            screenshot(page);

            page.findElement(By.cssSelector("tr[data-route='" + UTRECHT_ROUTE + "'] button.resume")).click();
            await().atMost(Duration.ofSeconds(15)).until(() -> delivered(waiting1) && delivered(waiting2));

            // A dead letter, made the real way: Utrecht refuses this signal until the gateway gives up.
            String street = "Doodlopend " + UUID.randomUUID().toString().substring(0, 8);
            StubMapping refusing = MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1)
                    .withRequestBody(containing(street)).willReturn(aResponse().withStatus(503)));
            String dead = accept(SignalJson.of(SignalJson.uniqueReference("OPSDEAD")).postcode(SignalJson.UTRECHT).street(street).json());
            await().atMost(Duration.ofSeconds(90)).until(() -> "DEAD".equals(status(dead)));
            MunicipalStub.server().removeStub(refusing);
            long outboxId = jdbc.queryForObject("SELECT outbox_id FROM outbox WHERE signal_id = ?", Long.class, UUID.fromString(dead));

            await().atMost(Duration.ofSeconds(15)).until(() -> {
                // A new load each time: the same page with another #fragment would not be fetched again.
                page.get("https://localhost:" + port + "/ops");
                page.navigate().refresh();
                return !page.findElements(By.cssSelector("tr[data-outbox='" + outboxId + "'] a.replay")).isEmpty();
            });
            page.findElement(By.cssSelector("tr[data-outbox='" + outboxId + "'] a.replay")).click();
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> !page.findElements(By.id("confirm-replay")).isEmpty());
            WebElement confirm = page.findElement(By.id("confirm-replay"));
            assertThat(page.getPageSource()).contains(dead).contains("GM0344");
            assertThat(status(dead)).as("nothing is replayed before the confirmation").isEqualTo("DEAD");
            confirm.click();

            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(dead));
            assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'DEAD_LETTER_REPLAYED' AND subject_id = ? "
                    + "AND actor_role = 'OPERATOR'", Long.toString(outboxId))).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM audit_log WHERE subject_id = ? AND action IN ('ROUTE_SUSPENDED', 'ROUTE_RESUMED')",
                    UTRECHT_ROUTE)).isEqualTo(controlEntriesBefore + 2);
        }
    }

    @Test
    void onlyOperatorsGetThePageAndItsFormsNeedTheirToken() throws Exception {
        assertThat(as("partner-energie").get("/ops").statusCode()).isEqualTo(403);
        assertThat(as("gemeente-amsterdam").get("/ops").statusCode()).isEqualTo(403);
        assertThat(as(null).get("/ops").statusCode()).isEqualTo(401);
        assertThat(as("operator").get("/ops").statusCode()).isEqualTo(200);

        // What another site could make the operator's browser send: a form post with no token.
        // Compared with before rather than with zero, so the answer does not depend on what another test left.
        int suspendedBefore = count("SELECT COUNT(*) FROM route_control WHERE route_id = ? AND suspended = TRUE", UTRECHT_ROUTE);
        int auditBefore = count("SELECT COUNT(*) FROM audit_log WHERE subject_id = ? AND action = 'ROUTE_SUSPENDED'", UTRECHT_ROUTE);
        HttpResponse<String> forged = as("operator").send("POST", "/ops/routes/" + UTRECHT_ROUTE + "/suspend",
                "Origin", "https://evil.example", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM route_control WHERE route_id = ? AND suspended = TRUE", UTRECHT_ROUTE))
                .isEqualTo(suspendedBefore);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE subject_id = ? AND action = 'ROUTE_SUSPENDED'", UTRECHT_ROUTE))
                .isEqualTo(auditBefore);
    }

    private String accept(String body) throws Exception {
        return json(as("partner-energie").postJson("/api/v1/signals", body).body()).at("/receipts/0/signalId").asText();
    }

    private String status(String signalId) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(signalId));
    }

    private boolean delivered(String signalId) {
        return "DELIVERED".equals(status(signalId));
    }

    /** For docs/operations.md: the page as the test left it. */
    private static void screenshot(WebDriver page) throws Exception {
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "ops-page.png"), ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
    }
}
