package nl.signaalpoort.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;

/** Development material is recognised by where it lies and by what it says about itself. */
class DevMaterialTest {

    @Test
    void aLocationInCertsDevInAnyFormIsDevelopmentMaterial() {
        assertThat(DevMaterial.inDevFolder("certs-dev/server.p12")).isTrue();
        assertThat(DevMaterial.inDevFolder("file:certs-dev/server.p12")).isTrue();
        assertThat(DevMaterial.inDevFolder("file:/opt/signaalpoort/certs-dev/pseudonym-dev.key")).isTrue();
        // How Spring describes a resource.
        assertThat(DevMaterial.inDevFolder("URL [file:certs-dev/ca.crl]")).isTrue();
        assertThat(DevMaterial.inDevFolder("file:/etc/signaalpoort/certs-dev-archive/server.p12")).isFalse();
        assertThat(DevMaterial.inDevFolder("env:SIGNAALPOORT_MASTER_KEY")).isFalse();
        assertThat(DevMaterial.inDevFolder(null)).isFalse();
    }

    @Test
    void theDevelopmentCertificatesKeysAndOinsSayWhatTheyAre() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/truststore.p12"))) {
            trust.load(in, "changeit-dev-only".toCharArray());
        }
        assertThat(DevMaterial.markedEntries(trust)).containsExactly("signaalpoort-dev-ca");
        assertThat(DevMaterial.markedCertificate(Path.of("certs-dev/partner-zorg.crt"))).isTrue();
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/pgp-gateway.asc"))) {
            assertThat(DevMaterial.markedPgpKey(in)).isTrue();
        }
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/pgp-partner-energie.pub.asc"))) {
            assertThat(DevMaterial.markedPgpKey(in)).isTrue();
        }
        assertThat(DevMaterial.markedSshKeys(Path.of("certs-dev/partner-energie-ssh.pub"))).isTrue();
        assertThat(DevMaterial.devOin("00000099000000000002")).isTrue();
        assertThat(DevMaterial.devOin("00000001003214345000")).isFalse();
    }

    @Test
    void otherMaterialIsNot() throws Exception {
        Path key = Files.createTempFile("authorized", "keys");
        Files.writeString(key, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl partner@energie.example\n");
        assertThat(DevMaterial.markedSshKeys(key)).isFalse();
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        assertThat(DevMaterial.markedEntries(empty)).isEmpty();
    }
}
