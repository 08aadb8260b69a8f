package nl.signaalpoort.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevMaterialGuardTest {

    @Test
    void refusesDevelopmentMaterialAndNamesTheSettings() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("signaalpoort.pseudonym.key", "file:certs-dev/pseudonym-dev.key")
                .withProperty("spring.ssl.bundle.jks.server.keystore.location", "file:/etc/signaalpoort/server.p12");

        assertThatThrownBy(() -> new DevMaterialGuard(env))
                .hasMessageContaining("signaalpoort.pseudonym.key")
                .hasMessageNotContaining("keystore.location");
    }

    @Test
    void acceptsRealMaterial() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("signaalpoort.pseudonym.key", "file:/run/secrets/pseudonym.key");

        assertThatCode(() -> new DevMaterialGuard(env)).doesNotThrowAnyException();
    }
}
