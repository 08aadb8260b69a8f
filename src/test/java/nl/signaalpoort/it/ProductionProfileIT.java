package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import nl.signaalpoort.support.GatewayProcess;
import nl.signaalpoort.support.Processes;
import nl.signaalpoort.support.StandaloneGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar under the {@code prod} profile, configured exactly with the variables
 * docs/operations.md lists: with material of its own it starts; with development material copied
 * out of certs-dev/ (where a path check cannot see it), the shipped registries or the development
 * operator it refuses, naming each finding.
 */
class ProductionProfileIT {

    private static final String PASSWORD = "prod-test-password";
    private static Path material;
    private static Map<String, String> variables;

    @BeforeAll
    static void productionMaterial() throws Exception {
        material = Files.createTempDirectory("prod-material");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Processes.run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=localhost, O=Signaalpoort Test", "-ext", "SAN=dns:localhost",
                "-keystore", material.resolve("server.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        Processes.run(keytool, "-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=Signaalpoort Test, SERIALNUMBER=00000001000000000001, O=Signaalpoort Test", "-ext", "EKU=clientAuth",
                "-keystore", material.resolve("client.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        Processes.run(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-ext", "bc:c",
                "-dname", "CN=Partner CA, O=Signaalpoort Test", "-keystore", material.resolve("ca.p12").toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        Processes.run(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", material.resolve("ca.p12").toString(), "-storepass", PASSWORD,
                "-file", material.resolve("ca.crt").toString());
        Processes.run(keytool, "-importcert", "-noprompt", "-alias", "partner-ca", "-file", material.resolve("ca.crt").toString(),
                "-keystore", material.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        Path gpgHome = Files.createDirectories(material.resolve("gnupg"));
        Files.setPosixFilePermissions(gpgHome, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Processes.run("gpg", "--homedir", gpgHome.toString(), "--batch", "--pinentry-mode", "loopback", "--passphrase", PASSWORD,
                "--quick-gen-key", "Signaalpoort Test <gateway@test.invalid>", "future-default", "default", "never");
        Files.write(material.resolve("gateway.asc"), Processes.run("gpg", "--homedir", gpgHome.toString(), "--batch", "--pinentry-mode", "loopback",
                "--passphrase", PASSWORD, "--armor", "--export-secret-keys", "gateway@test.invalid"));
        // The municipalities' own OpenPGP key: FILE deliveries must be encrypted in production.
        Processes.run("gpg", "--homedir", gpgHome.toString(), "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                "--quick-gen-key", "Gemeente Test <gemeente@test.invalid>", "future-default", "default", "never");
        Files.write(material.resolve("gemeente.pub.asc"), Processes.run("gpg", "--homedir", gpgHome.toString(), "--batch", "--armor",
                "--export", "gemeente@test.invalid"));
        Files.writeString(material.resolve("partners.yaml"), """
                partners:
                  - id: energie-bv
                    name: Energie BV
                    oin: "00000001000000000101"
                    sector: ENERGY
                """);
        Files.writeString(material.resolve("municipalities.yaml"), """
                municipalities:
                  - {code: GM0363, name: Amsterdam, oin: "00000001000000000363", delivery: {type: FILE, endpoint: %1$s/GM0363, openPgpKey: %2$s}}
                  - {code: GM0344, name: Utrecht, oin: "00000001000000000344", delivery: {type: FILE, endpoint: %1$s/GM0344, openPgpKey: %2$s}}
                  - {code: GM0599, name: Rotterdam, oin: "00000001000000000599", delivery: {type: FILE, endpoint: %1$s/GM0599, openPgpKey: %2$s}}
                """.formatted(material.resolve("delivered"), material.resolve("gemeente.pub.asc")));

        variables = new HashMap<>();
        variables.put("SIGNAALPOORT_TLS_KEYSTORE", "file:" + material.resolve("server.p12"));
        variables.put("SIGNAALPOORT_TLS_KEYSTORE_PASSWORD", PASSWORD);
        variables.put("SIGNAALPOORT_TLS_TRUSTSTORE", "file:" + material.resolve("trust.p12"));
        variables.put("SIGNAALPOORT_TLS_TRUSTSTORE_PASSWORD", PASSWORD);
        variables.put("SIGNAALPOORT_CLIENT_KEYSTORE", "file:" + material.resolve("client.p12"));
        variables.put("SIGNAALPOORT_CLIENT_KEYSTORE_PASSWORD", PASSWORD);
        variables.put("SIGNAALPOORT_CLIENT_TRUSTSTORE", "file:" + material.resolve("trust.p12"));
        variables.put("SIGNAALPOORT_CLIENT_TRUSTSTORE_PASSWORD", PASSWORD);
        variables.put("SIGNAALPOORT_PSEUDONYM_KEY_ID", "pseudonym-2026");
        variables.put("SIGNAALPOORT_PSEUDONYM_KEY", randomKey());
        variables.put("SIGNAALPOORT_MASTER_KEY_ID", "master-2026");
        variables.put("SIGNAALPOORT_MASTER_KEY", randomKey());
        variables.put("SIGNAALPOORT_PGP_KEY_FILE", "file:" + material.resolve("gateway.asc"));
        variables.put("SIGNAALPOORT_PGP_PASSPHRASE", PASSWORD);
        variables.put("SIGNAALPOORT_PARTNERS_REGISTRY", "file:" + material.resolve("partners.yaml"));
        variables.put("SIGNAALPOORT_MUNICIPALITIES_REGISTRY", "file:" + material.resolve("municipalities.yaml"));
        variables.put("SIGNAALPOORT_OPERATOR_OINS", "00000001000000000002");
    }

    @Test
    void startsWithTheDocumentedVariablesAndOwnMaterial() throws Exception {
        try (GatewayProcess gateway = gateway("prod-ok", Map.of())) {
            gateway.start().awaitReady(Duration.ofSeconds(120));

            assertThat(Files.readString(gateway.log())).doesNotContain("refuses to start");
        }
    }

    @Test
    void refusesDevelopmentKeyAndTrustStoresCopiedOutOfCertsDevAndPlainHttpOut() throws Exception {
        Path keyStore = Files.copy(Path.of("certs-dev/server.p12"), material.resolve("copied-server.p12"));
        Path trustStore = Files.copy(Path.of("certs-dev/truststore.p12"), material.resolve("copied-trust.p12"));
        Path clientStore = Files.copy(Path.of("certs-dev/gateway-client.p12"), material.resolve("copied-client.p12"));
        Path plainHttp = material.resolve("http-municipalities.yaml");
        Files.writeString(plainHttp, Files.readString(material.resolve("municipalities.yaml"))
                .replaceFirst("\\{type: FILE, endpoint: [^}]*\\}", "{type: REST, endpoint: \"http://gemeente.example/signalen\"}")
                .replaceFirst(", openPgpKey: [^}]*", ""));
        Map<String, String> changes = new HashMap<>(Map.of(
                "SIGNAALPOORT_TLS_KEYSTORE", "file:" + keyStore, "SIGNAALPOORT_TLS_KEYSTORE_PASSWORD", "changeit-dev-only",
                "SIGNAALPOORT_TLS_TRUSTSTORE", "file:" + trustStore, "SIGNAALPOORT_TLS_TRUSTSTORE_PASSWORD", "changeit-dev-only",
                "SIGNAALPOORT_CLIENT_KEYSTORE", "file:" + clientStore, "SIGNAALPOORT_CLIENT_KEYSTORE_PASSWORD", "changeit-dev-only"));
        changes.put("SIGNAALPOORT_MUNICIPALITIES_REGISTRY", "file:" + plainHttp);
        String log = refused("prod-dev-tls", changes);

        assertThat(log).contains("TLS key store (SIGNAALPOORT_TLS_KEYSTORE): entry 'server' is a DEV ONLY certificate")
                .contains("TLS trust store (SIGNAALPOORT_TLS_TRUSTSTORE): entry 'signaalpoort-dev-ca' is a DEV ONLY CA")
                .contains("client TLS key store (SIGNAALPOORT_CLIENT_KEYSTORE): entry 'gateway-client' is a DEV ONLY certificate")
                .contains("municipality GM0363 REST delivery endpoint must be https in production")
                .contains("municipality GM0344 FILE delivery would write personal data unencrypted: register delivery.openPgpKey");
    }

    @Test
    void refusesTheShippedRegistriesTheDevelopmentOperatorAndACopiedDevelopmentOpenPgpKey() throws Exception {
        Path pgpKey = Files.copy(Path.of("certs-dev/pgp-gateway.asc"), material.resolve("copied-gateway.asc"));
        String log = refused("prod-dev-registry", Map.of(
                "SIGNAALPOORT_PARTNERS_REGISTRY", "file:routes/partners.yaml",
                "SIGNAALPOORT_MUNICIPALITIES_REGISTRY", "file:routes/municipalities.yaml",
                "SIGNAALPOORT_OPERATOR_OINS", "00000099000000000002",
                "SIGNAALPOORT_PGP_KEY_FILE", "file:" + pgpKey, "SIGNAALPOORT_PGP_PASSPHRASE", "changeit-dev-only"));

        assertThat(log).contains("partner 'demo-energie' sftp.authorizedKeys lies in certs-dev/")
                .contains("partner 'demo-zorg' soap.signingCertificate lies in certs-dev/")
                .contains("partner 'demo-energie': OIN from the development range")
                .contains("municipality GM0363: OIN from the development range")
                .contains("municipality GM0363 FILE delivery would write personal data unencrypted")
                .contains("operator OIN 00000099000000000002 is from the development range")
                .contains("signaalpoort.pgp.decryption-key (SIGNAALPOORT_PGP_KEY_FILE) is a DEV ONLY OpenPGP key");
    }

    private static String refused(String name, Map<String, String> changes) throws Exception {
        try (GatewayProcess gateway = gateway(name, changes)) {
            int exit = gateway.start().awaitExit(Duration.ofSeconds(120));
            String log = Files.readString(gateway.log());
            assertThat(exit).as(log).isNotZero();
            assertThat(log).contains("the prod profile refuses to start");
            return log;
        }
    }

    private static GatewayProcess gateway(String name, Map<String, String> changes) throws Exception {
        StandaloneGateway settings = new StandaloneGateway(name.replace('-', '_')).with("spring.profiles.active", "prod");
        Map<String, String> environment = new HashMap<>(variables);
        environment.putAll(changes);
        // The database as the tests run it (H2 file or the CI's PostgreSQL), given the documented way too.
        String url = settings.arguments().stream().filter(a -> a.startsWith("--spring.datasource.url=")).findFirst().orElseThrow()
                .substring("--spring.datasource.url=".length());
        environment.put("SIGNAALPOORT_DB_URL", url);
        environment.put("SIGNAALPOORT_DB_USER", System.getProperty("signaalpoort.it.postgres.user", "sa"));
        environment.put("SIGNAALPOORT_DB_PASSWORD", System.getProperty("signaalpoort.it.postgres.password", ""));
        return new GatewayProcess(name, settings).environment(environment);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
