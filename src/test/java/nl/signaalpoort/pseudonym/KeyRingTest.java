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
