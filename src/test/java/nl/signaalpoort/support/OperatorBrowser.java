package nl.signaalpoort.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven by its chromedriver, presenting a certs-dev client
 * certificate over mutual TLS like an operator's browser: the certificate and the dev CA live in
 * an NSS database in a HOME of its own, and the profile picks that certificate for the gateway's
 * origin without asking. Needs the Debian packages chromium, chromium-driver and libnss3-tools.
 */
public final class OperatorBrowser implements AutoCloseable {

    private static final String PASSWORD = "changeit-dev-only";

    private final ChromeDriverService service;
    private final WebDriver driver;

    private OperatorBrowser(ChromeDriverService service, WebDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** A browser holding {@code certs-dev/<identity>.p12} (whose subject CN is {@code commonName}) for https://localhost:{@code port}. */
    public static OperatorBrowser as(String identity, String commonName, int port) throws IOException, InterruptedException {
        Path home = nssHome(identity);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().withEnvironment(Map.of("HOME", home.toString())).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // No network beyond localhost here: everything that would phone home is off.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1800",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("profile.content_settings.exceptions.auto_select_certificate",
                Map.of("https://localhost:" + port + ",*", Map.of("setting", Map.of("filters",
                        List.of(Map.of("SUBJECT", Map.of("CN", commonName))))))));
        // Without a matching certificate headless Chromium waits on a picker nobody sees: fail fast instead.
        options.setPageLoadTimeout(Duration.ofSeconds(20));
        return new OperatorBrowser(service, new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    private static Path nssHome(String identity) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("chromium-home");
        Path db = Files.createDirectories(home.resolve(".pki").resolve("nssdb"));
        String sql = "sql:" + db;
        run("certutil", "-N", "-d", sql, "--empty-password");
        run("pk12util", "-i", Path.of("certs-dev", identity + ".p12").toAbsolutePath().toString(), "-d", sql, "-W", PASSWORD);
        run("certutil", "-A", "-n", "signaalpoort-dev-ca", "-t", "C,,", "-i", Path.of("certs-dev", "ca.crt").toAbsolutePath().toString(),
                "-d", sql);
        return home;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
