package nl.signaalpoort.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.signaalpoort.support.Gpg;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the gateway seals is read by the real GnuPG, as a municipality's or partner's own tooling would. */
class OpenPgpSealerTest {

    private static final String CONTENT = "{\"signaalId\":\"0b9f0c0e-0000-4000-8000-000000000001\"}\n";
    private static final String GATEWAY = "Signaalpoort gateway DEV ONLY <gateway@dev.signaalpoort.invalid>";

    private static Gpg gpg;
    private static OpenPgpSealer sealer;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        gpg = Gpg.withDevKeys();
        sealer = new OpenPgpSealer(nl.signaalpoort.intake.pgp.PgpPropertiesTest.devGatewayKey());
    }

    @Test
    void encryptedToTheRecipientAndSignedByTheGateway() throws Exception {
        byte[] sealed = sealer.encryptAndSign(CONTENT.getBytes(StandardCharsets.UTF_8),
                OpenPgpSealer.recipient("certs-dev/pgp-gemeente-amsterdam.pub.asc", "test"));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("signaalId");

        Path message = Files.write(dir.resolve("signal.json.pgp"), sealed);
        Path opened = dir.resolve("signal.json");
        assertThat(gpg.decryptSigned(message, opened)).isEqualTo(GATEWAY);
        assertThat(Files.readString(opened)).isEqualTo(CONTENT);
    }

    @Test
    void detachedSignatureVerifiesOverTheFileAndNotOverAnother() throws Exception {
        Path file = Files.writeString(dir.resolve("receipt.csv"), CONTENT);
        Path signature = dir.resolve("receipt.csv.sig");
        try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(signature)) {
            sealer.detachedSignature(in, out);
        }
        assertThat(gpg.verifyDetached(signature, file)).isEqualTo(GATEWAY);

        Files.writeString(file, CONTENT.replace('1', '2'));
        assertThatThrownBy(() -> gpg.verifyDetached(signature, file)).hasMessageContaining("BADSIG");
    }

    @Test
    void aRecipientKeyThatCannotBeReadIsRefusedNamingTheEntry() throws Exception {
        Path garbage = Files.writeString(dir.resolve("key.asc"), "not a key");
        assertThatThrownBy(() -> OpenPgpSealer.recipient(garbage.toString(), "municipality registry: 'GM0363'"))
                .hasMessageStartingWith("municipality registry: 'GM0363': the OpenPGP key").hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> OpenPgpSealer.recipient(dir.resolve("absent.asc").toString(), "x")).hasMessageContaining("cannot be read");
    }
}
