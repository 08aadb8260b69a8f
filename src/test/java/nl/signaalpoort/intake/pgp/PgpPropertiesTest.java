package nl.signaalpoort.intake.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

public class PgpPropertiesTest {

    private static final FileSystemResource DEV_KEY = new FileSystemResource("certs-dev/pgp-gateway.asc");

    /** The development gateway key as the gateway holds it: unlocked once. */
    public static OpenPGPKey devGatewayKey() throws java.io.IOException {
        return new PgpProperties(DEV_KEY, "changeit-dev-only").gatewayKey();
    }

    @Test
    void theKeyIsUnlockedOnceAndHeldUnprotectedInMemory() throws Exception {
        OpenPGPKey key = new PgpProperties(DEV_KEY, "changeit-dev-only").gatewayKey();
        assertThat(key.getPGPSecretKeyRing().getSecretKeys()).toIterable()
                .allSatisfy(secret -> assertThat(secret.getS2KUsage()).as("no passphrase protection left").isZero());
    }

    @Test
    void aWrongPassphraseStopsTheStartNamingTheSettings() {
        assertThatThrownBy(() -> new PgpProperties(DEV_KEY, "wrong").gatewayKey())
                .hasMessage("signaalpoort.pgp.passphrase does not unlock signaalpoort.pgp.decryption-key");
    }
}
