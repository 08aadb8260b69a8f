package nl.signaalpoort.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    @Test
    void loadsFromTheEnvironmentAndFromFiles() {
        KeyRing ring = KeyRing.load("p", new KeyRingProperties.Ring("b", List.of(
                new KeyRingProperties.Entry("a", "file:certs-dev/pseudonym-dev.key"),
                new KeyRingProperties.Entry("b", "env:B"))), Map.of("B", TestKeys.K2026)::get);

        assertThat(ring.activeId()).isEqualTo("b");
        assertThat(ring.all()).containsOnlyKeys("a", "b");
        assertThat(ring.key("a")).hasSize(32);
    }

    @Test
    void readsSecretKeysFromAPkcs12KeyStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        byte[] material = java.util.Base64.getDecoder().decode(TestKeys.K2026);
        char[] password = "store-pass".toCharArray();
        store.setEntry("pseudonym-2026", new java.security.KeyStore.SecretKeyEntry(new javax.crypto.spec.SecretKeySpec(material, "AES")),
                new java.security.KeyStore.PasswordProtection(password));
        java.nio.file.Path file = dir.resolve("keys.p12");
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            store.store(out, password);
        }
        Map<String, String> env = Map.of(KeyMaterial.KEYSTORE_PASSWORD, "store-pass");

        KeyRing ring = KeyRing.load("p", new KeyRingProperties.Ring("k", List.of(
                new KeyRingProperties.Entry("k", "pkcs12:file:" + file + "#pseudonym-2026"))), env::get);

        assertThat(ring.active()).isEqualTo(material);
        assertThatThrownBy(() -> KeyRing.load("p", new KeyRingProperties.Ring("k", List.of(
                new KeyRingProperties.Entry("k", "pkcs12:file:" + file + "#nope"))), env::get)).hasMessageContaining("no secret key");
        assertThatThrownBy(() -> KeyRing.load("p", new KeyRingProperties.Ring("k", List.of(
                new KeyRingProperties.Entry("k", "pkcs12:file:" + file + "#pseudonym-2026"))), Map.of(KeyMaterial.KEYSTORE_PASSWORD, "wrong")::get))
                .hasMessageContaining("cannot read the key store").hasMessageNotContaining("wrong");
    }

    @Test
    void refusesMistakesWithoutShowingKeyMaterial() {
        assertThatThrownBy(() -> TestKeys.ring("K2027", "K2026")).hasMessageContaining("active key 'K2027' is not in the ring");
        assertThatThrownBy(() -> KeyRing.load("p", new KeyRingProperties.Ring("a", List.of(new KeyRingProperties.Entry("a", "env:NOPE"))),
                Map.<String, String>of()::get)).hasMessageContaining("NOPE is not set");
        assertThatThrownBy(() -> KeyRing.load("p", new KeyRingProperties.Ring("a", List.of(new KeyRingProperties.Entry("a", "env:SHORT"))),
                Map.of("SHORT", "c2hvcnQ=")::get)).hasMessageContaining("must be 256 bits");
        assertThatThrownBy(() -> KeyRing.load("p", new KeyRingProperties.Ring("a", List.of(new KeyRingProperties.Entry("a", "env:BAD"))),
                Map.of("BAD", "%%%")::get)).hasMessageContaining("not base64").hasMessageNotContaining("%%%");
        assertThatThrownBy(() -> KeyRing.load("p", null, System::getenv)).hasMessageContaining("not configured");
        assertThatThrownBy(() -> TestKeys.ring("K2026", "K2026", "K2026")).hasMessageContaining("listed twice");
    }
}
