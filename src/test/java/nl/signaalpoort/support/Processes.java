package nl.signaalpoort.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command-line tool a test needs (keytool, gpg): run to its end, which must be a success. */
public final class Processes {

    private Processes() {
    }

    /** Runs {@code command}; returns what it wrote to standard output. Fails the test with its output otherwise. */
    public static byte[] run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + new String(out, StandardCharsets.UTF_8)).isZero();
        return out;
    }
}
