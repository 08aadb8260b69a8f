package nl.signaalpoort.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/** The real OpenSSH sftp client in batch mode, logging in with a partner's key from certs-dev. */
public final class SftpClient {

    /** The client's exit code (-1 on timeout) and everything it printed. */
    public record Result(int exitCode, String output) {
    }

    private SftpClient() {
    }

    /** Runs {@code commands} (sftp batch syntax) as {@code user} with {@code certs-dev/<key>-ssh}. */
    public static Result run(String key, String user, int port, String commands) throws Exception {
        // ssh ignores a private key others may read, and git does not keep file modes.
        Path keyFile = Files.createTempFile("key", "");
        Files.copy(Path.of("certs-dev", key + "-ssh"), keyFile, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Path batch = Files.createTempFile("sftp", ".batch");
        Files.writeString(batch, commands);
        Process p = new ProcessBuilder("sftp", "-b", batch.toString(), "-i", keyFile.toString(), "-P", String.valueOf(port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", user + "@127.0.0.1")
                .redirectErrorStream(true).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
            return new Result(-1, output);
        }
        return new Result(p.exitValue(), output);
    }
}
