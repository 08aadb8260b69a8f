package nl.signaalpoort.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.signaalpoort.support.JadesCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * The gateway's payload signatures are standard: jose4j and OpenSSL, neither of them the library
 * that signs, verify them with the published gateway certificate; a changed body does not verify.
 */
class PayloadSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static PayloadSignature signer;
    private static X509Certificate certificate;

    @BeforeAll
    static void gatewayKey() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/gateway-client.p12"))) {
            store.load(in, "changeit-dev-only".toCharArray());
        }
        SslBundle bundle = SslBundle.of(SslStoreBundle.of(store, "changeit-dev-only", null));
        signer = PayloadSigner.fromBundle(bundle, Clock.fixed(NOW, ZoneOffset.UTC));
        certificate = JadesCheck.gatewayCertificate();
    }

    @Test
    void aDocumentSignedWholeCarriesItselfAndVerifiesOnlyUnchanged() throws Exception {
        String document = "{\"type\":\"signaalpoort-signal-statement-v1\",\"signalId\":\"s\"}";
        String jws = signer.signDocument(document.getBytes(StandardCharsets.UTF_8));

        JsonNode header = JadesCheck.header(jws);
        assertThat(header.path("alg").asText()).isEqualTo("PS256");
        assertThat(header.has("b64")).as("an ordinary attached JWS").isFalse();
        assertThat(header.path("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(Base64.getDecoder().decode(header.path("x5c").get(0).asText())).isEqualTo(certificate.getEncoded());
        org.jose4j.jws.JsonWebSignature check = new org.jose4j.jws.JsonWebSignature();
        check.setCompactSerialization(jws);
        check.setKey(certificate.getPublicKey());
        assertThat(check.verifySignature()).isTrue();
        assertThat(check.getPayload()).isEqualTo(document);

        String[] parts = jws.split("\\.");
        String changed = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                document.replace("\"s\"", "\"t\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        org.jose4j.jws.JsonWebSignature tampered = new org.jose4j.jws.JsonWebSignature();
        tampered.setCompactSerialization(changed);
        tampered.setKey(certificate.getPublicKey());
        assertThat(tampered.verifySignature()).as("a changed statement does not verify").isFalse();
    }

    @Test
    void theHeaderIsJadesBaselineBWithADetachedUnencodedPs256Signature() throws Exception {
        PayloadSignature.Headers headers = signer.sign("{\"batchId\":\"b\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(headers.signature()).matches("^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$");
        JsonNode header = JadesCheck.header(headers.signature());
        assertThat(header.path("alg").asText()).isEqualTo("PS256");
        assertThat(header.path("b64").asBoolean(true)).isFalse();
        assertThat(header.path("crit").toString()).contains("\"b64\"").contains("\"sigD\"");
        assertThat(header.path("sigD").path("mId").asText()).isEqualTo("http://uri.etsi.org/19182/HttpHeaders");
        assertThat(header.path("sigD").path("pars").toString()).isEqualTo("[\"digest\"]");
        assertThat(header.path("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(Base64.getDecoder().decode(header.path("x5c").get(0).asText())).isEqualTo(certificate.getEncoded());
        assertThat(header.path("x5t#S256").asText()).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
    }

    @Test
    void jose4jVerifiesItWithThePublishedCertificateAndRefusesAChangedBody() throws Exception {
        byte[] body = "{\"signalen\":[{\"signaalId\":\"1\"}]}".getBytes(StandardCharsets.UTF_8);
        PayloadSignature.Headers headers = signer.sign(body);

        assertThat(JadesCheck.verifies(body, headers.digest(), headers.signature(), certificate.getPublicKey())).isTrue();
        byte[] changed = "{\"signalen\":[{\"signaalId\":\"2\"}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(JadesCheck.verifies(changed, headers.digest(), headers.signature(), certificate.getPublicKey())).isFalse();
        // The right digest of the changed body with the old signature: the signature no longer fits.
        assertThat(JadesCheck.verifies(changed, PayloadSignature.digest(changed), headers.signature(), certificate.getPublicKey())).isFalse();
    }

    @Test
    void openSslComputesTheSameDigestAndVerifiesTheSignature() throws Exception {
        byte[] body = "{\"feedback\":[{\"feedbackId\":7}]}".getBytes(StandardCharsets.UTF_8);
        PayloadSignature.Headers headers = signer.sign(body);
        Path dir = Files.createTempDirectory("jades");
        Files.write(dir.resolve("body"), body);
        String digest = new String(run(dir, "sh", "-c", "openssl dgst -sha256 -binary body | base64"), StandardCharsets.US_ASCII).trim();
        assertThat(headers.digest()).isEqualTo("SHA-256=" + digest);

        String[] parts = headers.signature().split("\\.\\.");
        Files.writeString(dir.resolve("input"), parts[0] + "." + "digest: " + headers.digest());
        Files.write(dir.resolve("sig"), Base64.getUrlDecoder().decode(parts[1]));
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        run(dir, "openssl", "x509", "-in", "cert.pem", "-pubkey", "-noout", "-out", "pub.pem");
        String verified = new String(run(dir, "openssl", "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256", "-verify", "pub.pem", "-signature", "sig", "input"),
                StandardCharsets.US_ASCII);
        assertThat(verified).contains("Verified OK");
    }

    private static byte[] run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return out;
    }
}
