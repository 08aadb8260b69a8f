package nl.signaalpoort.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.Test;

class SshAlgorithmsTest {

    @Test
    void theServerOffersNoSha1Md5CbcOrDsaAndStillHasStrongChoices() {
        SshServer server = SshServer.setUpDefaultServer();
        assertThat(names(server.getMacFactories())).as("MINA's defaults").contains("hmac-sha1");

        SshAlgorithms.restrict(server);

        assertThat(names(server.getMacFactories())).doesNotContain("hmac-sha1", "hmac-sha1-etm@openssh.com")
                .contains("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512");
        assertThat(names(server.getKeyExchangeFactories())).noneMatch(n -> n.endsWith("sha1")).contains("curve25519-sha256");
        assertThat(names(server.getCipherFactories())).noneMatch(n -> n.endsWith("-cbc")).contains("aes256-gcm@openssh.com");
        assertThat(names(server.getSignatureFactories())).doesNotContain("ssh-rsa", "ssh-dss").contains("rsa-sha2-512", "ssh-ed25519");
    }

    private static List<String> names(List<? extends NamedResource> factories) {
        return factories.stream().map(NamedResource::getName).toList();
    }
}
