package nl.signaalpoort.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSSL's own TLS client ({@code openssl s_client}), so a test can offer exactly one protocol or
 * cipher suite, as a client the JDK would never be, and see whether the gateway completes the handshake.
 */
public final class OpenSslClient {

    private static final Pattern NEGOTIATED = Pattern.compile("New, (TLSv[0-9.]+), Cipher is (\\S+)");

    private OpenSslClient() {
    }

    /** What a handshake came to: the protocol and cipher negotiated, or nothing when it failed. */
    public record Handshake(boolean completed, String protocol, String cipher, String output) {
    }

    /**
     * Connects to {@code localhost:port} with the given s_client options (for example
     * {@code -tls1_2 -cipher ECDHE-RSA-AES128-SHA}), presenting {@code certs-dev/<identity>} when given.
     */
    public static Handshake connect(int port, String identity, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "localhost:" + port,
                "-servername", "localhost", "-CAfile", "certs-dev/ca.crt", "-verify_return_error"));
        if (identity != null) {
            command.addAll(List.of("-cert", "certs-dev/" + identity + ".crt", "-key", "certs-dev/" + identity + ".key"));
        }
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl s_client did not finish: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = NEGOTIATED.matcher(output);
        if (m.find() && !"(NONE)".equals(m.group(2))) {
            return new Handshake(true, m.group(1), m.group(2), output);
        }
        return new Handshake(false, null, null, output);
    }
}
