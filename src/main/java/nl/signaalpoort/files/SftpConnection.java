package nl.signaalpoort.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The connection options of every Camel {@code sftp:} endpoint the gateway opens, to a
 * municipality's server or a partner's: public-key login, strict host key checking against the
 * registered known_hosts file (never the user's own), bounded waits.
 */
public final class SftpConnection {

    private SftpConnection() {
    }

    /** Query options (no leading {@code ?}) for logging in as {@code username} with {@code privateKey}. */
    public static String options(String username, String privateKey, String knownHosts, Duration timeout) {
        long timeoutMs = timeout.toMillis();
        return "username=" + encode(username)
                + "&privateKeyFile=" + encode(privateKey)
                + "&knownHostsFile=" + encode(knownHosts)
                + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false"
                + "&connectTimeout=" + Math.min(timeoutMs, 10_000) + "&timeout=" + timeoutMs + "&soTimeout=" + timeoutMs;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
