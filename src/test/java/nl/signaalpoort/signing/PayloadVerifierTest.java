package nl.signaalpoort.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a partner's payload signature must be to verify, one way of getting it wrong at a time. */
class PayloadVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final byte[] BODY = "{\"reference\":\"R-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final PayloadVerifier VERIFIER = new PayloadVerifier(Clock.fixed(NOW, ZoneOffset.UTC));
    private static PrivateKey key;
    private static X509Certificate certificate;
    private static X509Certificate other;

    @BeforeAll
    static void keys() throws Exception {
        KeyStore store = load("partner-zorg");
        key = (PrivateKey) store.getKey("partner-zorg", "changeit-dev-only".toCharArray());
        certificate = (X509Certificate) store.getCertificate("partner-zorg");
        other = (X509Certificate) load("partner-energie").getCertificate("partner-energie");
    }

    @Test
    void theGatewaysOwnProfileVerifiesByTheRegisteredCertificateOnly() {
        PayloadSignature.Headers headers = new PayloadSignature(key, List.of(certificate), Clock.fixed(NOW, ZoneOffset.UTC)).sign(BODY);

        assertThat(VERIFIER.verifies(BODY, List.of(headers.digest()), List.of(headers.signature()), certificate)).isTrue();
        assertThat(VERIFIER.verifies(BODY, List.of(headers.digest()), List.of(headers.signature()), other)).as("another certificate").isFalse();
        assertThat(VERIFIER.verifies(BODY, List.of(headers.digest()), List.of(headers.signature(), headers.signature()), certificate))
                .as("two signatures").isFalse();
        assertThat(VERIFIER.verifies(BODY, List.of(), List.of(headers.signature()), certificate)).as("no digest").isFalse();
        assertThat(VERIFIER.verifies("{}".getBytes(StandardCharsets.UTF_8), List.of(headers.digest()), List.of(headers.signature()),
                certificate)).as("another body").isFalse();
        PayloadSignature.Headers old = new PayloadSignature(key, List.of(certificate),
                Clock.fixed(NOW.minus(Duration.ofMinutes(6)), ZoneOffset.UTC)).sign(BODY);
        assertThat(VERIFIER.verifies(BODY, List.of(old.digest()), List.of(old.signature()), certificate)).as("six minutes old").isFalse();
    }

    @Test
    void anotherAlgorithmOrSignedPartsOrAMissingTimeDoNotVerify() throws Exception {
        String digest = PayloadSignature.digest(BODY);
        Map<String, Object> sigD = Map.of("mId", PayloadSignature.HTTP_HEADERS_MECHANISM, "pars", List.of("digest"));

        assertThat(verifies(header(JWSAlgorithm.RS256, sigD, NOW.getEpochSecond()), digest)).as("RS256").isFalse();
        assertThat(verifies(header(JWSAlgorithm.PS256, Map.of("mId", PayloadSignature.HTTP_HEADERS_MECHANISM,
                "pars", List.of("digest", "content-type")), NOW.getEpochSecond()), digest)).as("other parts").isFalse();
        assertThat(verifies(header(JWSAlgorithm.PS256, sigD, null), digest)).as("no iat").isFalse();
        assertThat(verifies(header(JWSAlgorithm.PS256, sigD, NOW.getEpochSecond()), digest)).as("all as it should be").isTrue();
    }

    private static boolean verifies(JWSHeader header, String digest) throws Exception {
        JWSObject jws = new JWSObject(header, new Payload(PayloadSignature.signedLine(digest)));
        jws.sign(new RSASSASigner(key));
        return VERIFIER.verifies(BODY, List.of(digest), List.of(jws.serialize(true)), certificate);
    }

    private static JWSHeader header(JWSAlgorithm algorithm, Map<String, Object> sigD, Long iat) {
        JWSHeader.Builder builder = new JWSHeader.Builder(algorithm).base64URLEncodePayload(false).customParam("sigD", sigD)
                .criticalParams(new LinkedHashSet<>(List.of("b64", "sigD")));
        if (iat != null) {
            builder.customParam("iat", iat);
        }
        return builder.build();
    }

    private static KeyStore load(String identity) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev", identity + ".p12"))) {
            store.load(in, "changeit-dev-only".toCharArray());
        }
        return store;
    }
}
