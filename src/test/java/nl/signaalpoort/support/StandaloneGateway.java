package nl.signaalpoort.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.SignaalpoortApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the gateway as its own application (not the shared test context), so a test can stop and
 * start it again on the same database: on H2 a file, on PostgreSQL a schema of its own so the
 * shared test context polling the same database cannot interfere.
 */
public final class StandaloneGateway {

    private final List<String> arguments = new ArrayList<>();
    private final Path filesRoot;

    public StandaloneGateway(String name) throws IOException {
        // Fresh per instance (and kept across its restarts), so a developer's PostgreSQL never carries a run's data into the next.
        String schema = name + "_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Path files = Files.createTempDirectory(name + "-files");
        this.filesRoot = files.resolve("files");
        arguments.addAll(List.of("--server.port=0", "--management.server.port=0",
                "--signaalpoort.sftp.port=0", "--signaalpoort.files.root=" + files.resolve("files"),
                "--signaalpoort.sftp.host-key=" + files.resolve("host.key"),
                "--signaalpoort.cluster.file.root=" + files.resolve("cluster"),
                "--signaalpoort.cluster.file.acquire-lock-delay=PT0.1S",
                "--signaalpoort.cluster.file.acquire-lock-interval=PT0.2S",
                "--signaalpoort.delivery.poll-interval=PT0.1S",
                "--signaalpoort.delivery.initial-backoff=PT0.2S",
                "--signaalpoort.delivery.max-backoff=PT0.5S",
                // Tests of other things are not throttled; RateLimitIT sets limits of its own per organisation.
                "--signaalpoort.rate-limits.standard.requests=100000"));
        if (TestDatabase.isPostgres()) {
            String url = System.getProperty("signaalpoort.it.postgres.url");
            arguments.add("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            arguments.add("--spring.datasource.username=" + System.getProperty("signaalpoort.it.postgres.user"));
            arguments.add("--spring.datasource.password=" + System.getProperty("signaalpoort.it.postgres.password"));
            arguments.add("--spring.flyway.schemas=" + schema);
        } else {
            Path dir = Files.createTempDirectory(schema);
            arguments.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("gateway") + ";DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    /** The database reached through a local port of the test's own (a {@link TcpProxy} in front of PostgreSQL). */
    public StandaloneGateway databaseThrough(int port) {
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).startsWith("--spring.datasource.url=jdbc:postgresql://")) {
                arguments.set(i, arguments.get(i).replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/"));
                return this;
            }
        }
        throw new IllegalStateException("only a PostgreSQL database can be reached through a proxy");
    }

    /** Host and port of the PostgreSQL the tests use. */
    public static java.net.InetSocketAddress postgres() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/")
                .matcher(System.getProperty("signaalpoort.it.postgres.url", ""));
        if (!m.find()) {
            throw new IllegalStateException("no PostgreSQL configured (signaalpoort.it.postgres.url)");
        }
        return java.net.InetSocketAddress.createUnresolved(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
    }

    /** Sets a property; one given before under the same name is replaced (Spring would join both values with a comma). */
    public StandaloneGateway with(String name, Object value) {
        arguments.removeIf(a -> a.startsWith("--" + name + "="));
        arguments.add("--" + name + "=" + value);
        return this;
    }

    /** The partners' homes, receipts, quarantine and work folder of this gateway (shared by every node started from it). */
    public nl.signaalpoort.files.PartnerFiles files() {
        return new nl.signaalpoort.files.PartnerFiles(new nl.signaalpoort.files.FilesProperties(filesRoot));
    }

    /** The gateway's database, for a test's own queries while the gateway runs as a process of its own (PostgreSQL). */
    public org.springframework.jdbc.core.JdbcTemplate jdbc() {
        org.springframework.jdbc.datasource.DriverManagerDataSource data = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                argument("spring.datasource.url"), argument("spring.datasource.username"), argument("spring.datasource.password"));
        return new org.springframework.jdbc.core.JdbcTemplate(data);
    }

    private String argument(String name) {
        return arguments.stream().filter(a -> a.startsWith("--" + name + "=")).map(a -> a.substring(name.length() + 3)).findFirst()
                .orElse(null);
    }

    /** The application arguments, for starting the packaged jar in a JVM of its own. */
    public List<String> arguments() {
        return List.copyOf(arguments);
    }

    public ConfigurableApplicationContext start(String... extra) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(extra));
        return new SpringApplicationBuilder(SignaalpoortApplication.class).run(all.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
