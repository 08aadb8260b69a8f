package nl.signaalpoort.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a municipality registry for tests: Amsterdam by FILE into a folder, Utrecht by REST to a URL. */
public final class TestRegistry {

    private TestRegistry() {
    }

    /** Rotterdam (GM0599) takes its signals daily at 06:00 Dutch time, by REST to the same stub, and treats warm handovers as urgent. */
    public static final String ROTTERDAM_PATH = "/gm0599/signalen";

    /**
     * A partner registry with Demo Energie alone (the partner-energie certificate), pushing its
     * feedback to {@code pushPath} on the stub; with {@code sftp} also logging in to the embedded
     * SFTP server with certs-dev/partner-energie-ssh.
     */
    public static Path energyPartnerPushingTo(String pushPath, boolean sftp) throws IOException {
        return partners("""
                partners:
                  - id: demo-energie
                    name: Demo Energie
                    oin: "00000099000000000101"
                    sector: ENERGY
                    feedbackProfile: FULL
                    feedbackPush: {endpoint: "http://127.0.0.1:%d%s"}
                """.formatted(MunicipalStub.server().port(), pushPath)
                + (sftp ? "    sftp:\n      authorizedKeys: certs-dev/partner-energie-ssh.pub\n" : ""));
    }

    /** A partner registry file of the test's own. */
    public static Path partners(String yaml) throws IOException {
        Path registry = Files.createTempFile("partners", ".yaml");
        Files.writeString(registry, yaml);
        return registry;
    }

    public static Path municipalities(Path amsterdamFolder, String utrechtUrl) throws IOException {
        Path registry = Files.createTempFile("municipalities", ".yaml");
        Files.writeString(registry, """
                municipalities:
                  - code: GM0363
                    name: Amsterdam
                    oin: "00000099000000000363"
                    delivery:
                      type: FILE
                      endpoint: %s
                  - code: GM0344
                    name: Utrecht
                    oin: "00000099000000000344"
                    delivery:
                      type: REST
                      endpoint: %s
                      batchSize: 50
                  - code: GM0599
                    name: Rotterdam
                    oin: "00000099000000000599"
                    warmHandoverUrgent: true
                    delivery:
                      type: REST
                      endpoint: %s
                      timing: DAILY
                      dailyAt: "06:00"
                """.formatted(amsterdamFolder, utrechtUrl, utrechtUrl.replace("/gm0344/signalen", ROTTERDAM_PATH)));
        return registry;
    }
}
