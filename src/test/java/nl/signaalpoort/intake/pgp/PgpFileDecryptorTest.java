package nl.signaalpoort.intake.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.signal.Sector;
import nl.signaalpoort.support.Gpg;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files made by the real GnuPG, opened by the gateway: the interoperability partners rely on. */
class PgpFileDecryptorTest {

    private static final String CONTENT = "reference;totalAmount\nR-1;245.50\n";

    private static Gpg gpg;
    private static PgpFileDecryptor decryptor;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        gpg = Gpg.withDevKeys();
        decryptor = new PgpFileDecryptor(PgpPropertiesTest.devGatewayKey(), List.of(
                partner("zorg", "certs-dev/pgp-partner-zorg.pub.asc", Partner.SignaturePolicy.REQUIRED),
                partner("energie", "certs-dev/pgp-partner-energie.pub.asc", Partner.SignaturePolicy.OPTIONAL)));
    }

    @Test
    void encryptedAndSignedByThePartnerOpens() throws Exception {
        Path message = encrypt("gateway", "partner-zorg", false);
        Path plain = dir.resolve("plain");
        decryptor.decrypt("zorg", message, plain, 1_000_000);
        assertThat(Files.readString(plain)).isEqualTo(CONTENT);
    }

    @Test
    void armoredFilesOpenToo() throws Exception {
        Path plain = dir.resolve("plain");
        decryptor.decrypt("zorg", encrypt("gateway", "partner-zorg", true), plain, 1_000_000);
        assertThat(Files.readString(plain)).isEqualTo(CONTENT);
    }

    @Test
    void signedByAnotherKeyIsRefused() throws Exception {
        assertRefused("zorg", encrypt("gateway", "rogue", false), PgpProblem.BAD_SIGNATURE);
        assertRefused("energie", encrypt("gateway", "partner-zorg", false), PgpProblem.BAD_SIGNATURE);
    }

    @Test
    void unsignedIsRefusedOnlyWhereTheSignatureIsRequired() throws Exception {
        assertRefused("zorg", encrypt("gateway", null, false), PgpProblem.UNSIGNED);
        Path plain = dir.resolve("plain");
        decryptor.decrypt("energie", encrypt("gateway", null, false), plain, 1_000_000);
        assertThat(Files.readString(plain)).isEqualTo(CONTENT);
    }

    @Test
    void encryptedForAnotherKeyIsRefused() throws Exception {
        assertRefused("zorg", encrypt("rogue", "partner-zorg", false), PgpProblem.WRONG_KEY);
    }

    @Test
    void signedButNotEncryptedIsRefused() throws Exception {
        Path in = dir.resolve("batch.csv");
        Files.writeString(in, CONTENT);
        Path out = dir.resolve("batch.csv.gpg");
        gpg.signOnly(in, out, "partner-zorg");
        assertRefused("zorg", out, PgpProblem.WRONG_KEY);
    }

    @Test
    void tamperedOrTruncatedOrGarbageIsMalformed() throws Exception {
        Path message = encrypt("gateway", "partner-zorg", false);
        byte[] bytes = Files.readAllBytes(message);
        bytes[bytes.length - 40] ^= 0x55;
        Path tampered = dir.resolve("tampered.gpg");
        Files.write(tampered, bytes);
        assertThatThrownBy(() -> decryptor.decrypt("zorg", tampered, dir.resolve("p1"), 1_000_000))
                .isInstanceOf(PgpRefusedException.class)
                .satisfies(e -> assertThat(((PgpRefusedException) e).problem()).isIn(PgpProblem.MALFORMED, PgpProblem.BAD_SIGNATURE));
        Path truncated = dir.resolve("truncated.gpg");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(message), Files.readAllBytes(message).length / 2));
        assertRefused("zorg", truncated, PgpProblem.MALFORMED);
        Path garbage = dir.resolve("garbage.gpg");
        Files.writeString(garbage, CONTENT);
        assertRefused("zorg", garbage, PgpProblem.MALFORMED);
    }

    @Test
    void plaintextLargerThanAllowedIsRefused() throws Exception {
        assertRefused("zorg", encrypt("gateway", "partner-zorg", false), PgpProblem.TOO_LARGE, 10);
    }

    private void assertRefused(String partner, Path message, PgpProblem problem) {
        assertRefused(partner, message, problem, 1_000_000);
    }

    private void assertRefused(String partner, Path message, PgpProblem problem, long max) {
        assertThatThrownBy(() -> decryptor.decrypt(partner, message, dir.resolve("plain-refused"), max))
                .isInstanceOfSatisfying(PgpRefusedException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    private Path encrypt(String recipient, String signer, boolean armor) throws Exception {
        Path in = Files.createTempFile(dir, "batch", ".csv");
        Files.writeString(in, CONTENT);
        Path out = Files.createTempFile(dir, "batch", armor ? ".csv.asc" : ".csv.gpg");
        gpg.encrypt(in, out, recipient, signer, armor);
        return out;
    }

    private static Partner partner(String id, String key, Partner.SignaturePolicy policy) {
        return new Partner(id, id, "00000099000000000101", Sector.ENERGY, null, null, false, null, null, new Partner.Pgp(key, policy), null, null, null, null);
    }
}
