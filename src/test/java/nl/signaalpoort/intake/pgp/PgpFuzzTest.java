package nl.signaalpoort.intake.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.signal.Sector;

/** Any bytes as an OpenPGP file: opened within the limit, or refused with a PGP problem code; nothing else. */
class PgpFuzzTest {

    private static final long LIMIT = 1_000_000;
    private static final PgpFileDecryptor DECRYPTOR = decryptor();

    @FuzzTest(maxDuration = "10s")
    void message(byte[] data) throws Exception {
        Path message = Files.createTempFile("fuzz", ".pgp");
        Path plain = Files.createTempFile("fuzz", ".plain");
        try {
            Files.write(message, data);
            try {
                DECRYPTOR.decrypt("energie", message, plain, LIMIT);
                assertThat(Files.size(plain)).isLessThanOrEqualTo(LIMIT);
            } catch (PgpRefusedException refused) {
                assertThat(refused.problem()).isNotNull();
            }
        } finally {
            Files.deleteIfExists(message);
            Files.deleteIfExists(plain);
        }
    }

    private static PgpFileDecryptor decryptor() {
        try {
            return new PgpFileDecryptor(PgpPropertiesTest.devGatewayKey(), List.of(new Partner("energie", "energie",
                    "00000099000000000101", Sector.ENERGY, null, null, false, null, null,
                    new Partner.Pgp("certs-dev/pgp-partner-energie.pub.asc", Partner.SignaturePolicy.OPTIONAL), null, null, null, null)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
