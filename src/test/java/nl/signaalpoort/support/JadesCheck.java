package nl.signaalpoort.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;

/**
 * Checks a Digest and Payload-Signature pair the way a municipality would, with jose4j (not the
 * library the gateway signs with) and the published gateway certificate.
 */
public final class JadesCheck {

    private JadesCheck() {
    }

    /** The published gateway certificate (development: certs-dev/gateway-client.crt). */
    public static X509Certificate gatewayCertificate() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/gateway-client.crt"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Whether the digest is the body's and the signature over the digest line verifies with the key. */
    public static boolean verifies(byte[] body, String digest, String signature, PublicKey key) throws Exception {
        String expected = "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        if (!expected.equals(digest)) {
            return false;
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "PS256"));
        jws.setKnownCriticalHeaders("sigD");
        jws.setCompactSerialization(signature);
        jws.setPayload("digest: " + digest);
        jws.setKey(key);
        return jws.verifySignature();
    }

    /** The protected header of a compact JWS, as JSON. */
    public static JsonNode header(String signature) throws Exception {
        String encoded = signature.substring(0, signature.indexOf('.'));
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
    }
}
