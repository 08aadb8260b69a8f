package nl.signaalpoort.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The packaged gateway ({@code target/signaalpoort-*.jar}, built by {@code package} before the
 * integration tests) as a process of its own: started with a {@link StandaloneGateway}'s settings on
 * fixed ports, killed with SIGKILL ({@link Process#destroyForcibly()}), started again on the same
 * ports, database and files. Its output goes to a log file the test can read.
 */
public final class GatewayProcess implements AutoCloseable {

    private final String name;
    private final List<String> arguments;
    private final int port;
    private final int managementPort;
    private final int sftpPort;
    private final Path log;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process process;
    private int starts;

    public GatewayProcess(String name, StandaloneGateway settings) throws IOException {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.sftpPort = freePort();
        settings.with("server.port", port).with("management.server.port", managementPort).with("signaalpoort.sftp.port", sftpPort);
        this.arguments = settings.arguments();
        Path logs = Files.createDirectories(Path.of("target", "gateway-processes"));
        this.log = logs.resolve(name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".log");
    }

    /** The jar {@code package} built. */
    public static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("signaalpoort-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/signaalpoort-*.jar: run mvn package (mvn verify does)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Environment variables for the next starts (as an operator would set them for the prod profile). */
    public GatewayProcess environment(java.util.Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Waits for the process to end by itself (a refused start); its exit code. */
    public int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + atMost + "; see " + log);
        }
        return process.exitValue();
    }

    /** Starts the process (from the project folder, where routes/, contracts/ and certs-dev/ lie). */
    public GatewayProcess start() throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx512m", "-jar", jar().toString()));
        command.addAll(arguments);
        Files.writeString(log, "=== start " + (++starts) + " of " + name + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return this;
    }

    /** Waits until readiness answers UP; fails early if the process died. */
    public GatewayProcess awaitReady(Duration atMost) {
        Awaitility.await(name + " ready").atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!alive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return readiness() == 200;
        });
        return this;
    }

    /** The readiness probe's status code, -1 when nothing answers. */
    public int readiness() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The text of a management endpoint, such as {@code /actuator/prometheus}. */
    public String management(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, leases and files left as they are. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** A graceful stop (SIGTERM), waiting for it. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public int sftpPort() {
        return sftpPort;
    }

    public Path log() {
        return log;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
