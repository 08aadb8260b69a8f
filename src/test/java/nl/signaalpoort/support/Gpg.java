package nl.signaalpoort.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real GnuPG command line, in a throw-away home holding the development keys of certs-dev:
 * what a partner's own tooling does to encrypt and sign a batch file.
 */
public final class Gpg {

    private final Path home;

    private Gpg(Path home) {
        this.home = home;
    }

    /** A fresh GnuPG home with every dev key (public and secret) imported. */
    public static Gpg withDevKeys() throws Exception {
        Path home = Files.createTempDirectory("gnupg");
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Gpg gpg = new Gpg(home);
        for (String key : List.of("gateway", "partner-energie", "partner-zorg", "rogue", "gemeente-amsterdam")) {
            gpg.run("--import", Path.of("certs-dev", "pgp-" + key + ".asc").toAbsolutePath().toString());
        }
        return gpg;
    }

    /**
     * Encrypts {@code in} to {@code recipient}'s key (e.g. "gateway") into {@code out}, signed by
     * {@code signer}'s key when not null; {@code armor} for ASCII armor (.asc).
     */
    public void encrypt(Path in, Path out, String recipient, String signer, boolean armor) throws Exception {
        List<String> args = new ArrayList<>(List.of("--yes", "--trust-model", "always", "--output", out.toString(),
                "--recipient", address(recipient)));
        if (armor) {
            args.add("--armor");
        }
        if (signer != null) {
            args.addAll(List.of("--local-user", address(signer), "--sign"));
        }
        args.addAll(List.of("--encrypt", in.toString()));
        run(args.toArray(String[]::new));
    }

    /** Signs only, no encryption. */
    public void signOnly(Path in, Path out, String signer) throws Exception {
        run("--yes", "--output", out.toString(), "--local-user", address(signer), "--sign", in.toString());
    }

    /**
     * Decrypts {@code message} into {@code out} with the recipient's secret key and returns the user id of
     * the key whose good signature it carries; fails when it carries none.
     */
    public String decryptSigned(Path message, Path out) throws Exception {
        return goodSignature(run("--yes", "--status-fd", "1", "--output", out.toString(), "--decrypt", message.toString()));
    }

    /** Checks a detached signature over {@code file}; returns the signer's user id. */
    public String verifyDetached(Path signature, Path file) throws Exception {
        return goodSignature(run("--status-fd", "1", "--verify", signature.toString(), file.toString()));
    }

    private static String goodSignature(String status) throws IOException {
        return status.lines().filter(l -> l.startsWith("[GNUPG:] GOODSIG ")).findFirst()
                .map(l -> l.split(" ", 4)[3]).orElseThrow(() -> new IOException("no good signature: " + status));
    }

    private static String address(String key) {
        return key + "@dev.signaalpoort.invalid";
    }

    private String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--pinentry-mode", "loopback",
                "--passphrase", "changeit-dev-only", "--quiet"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("gpg " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
