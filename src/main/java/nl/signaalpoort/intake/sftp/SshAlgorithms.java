package nl.signaalpoort.intake.sftp;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.server.SshServer;

/**
 * The SSH algorithms the embedded server offers: MINA SSHD's defaults without anything resting on
 * SHA-1 or MD5 (MACs, key exchanges, {@code ssh-rsa} signatures) and without CBC, 3DES, RC4 or DSA,
 * as NCSC and OpenSSH's own defaults have dropped them. Every current client negotiates the rest.
 */
final class SshAlgorithms {

    private SshAlgorithms() {
    }

    static boolean weak(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("sha1") || n.contains("md5") || n.endsWith("-cbc") || n.contains("3des") || n.contains("arcfour")
                || n.equals("none") || n.equals("ssh-rsa") || n.startsWith("ssh-rsa-cert") || n.startsWith("ssh-dss")
                || n.equals("hmac-sha1") || n.endsWith("-96");
    }

    static void restrict(SshServer server) {
        server.setMacFactories(strong(server.getMacFactories()));
        server.setKeyExchangeFactories(strong(server.getKeyExchangeFactories()));
        server.setCipherFactories(strong(server.getCipherFactories()));
        server.setSignatureFactories(strong(server.getSignatureFactories()));
    }

    static <T extends NamedResource> List<T> strong(List<T> offered) {
        Predicate<T> weak = f -> weak(f.getName());
        return offered.stream().filter(weak.negate()).toList();
    }
}
