package nl.signaalpoort.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a partner's JAdES payload signature (the same profile the gateway signs with, see
 * {@link PayloadSignature}) against the certificate the partner registered, not against whatever
 * certificate the message carries: exactly one {@code Payload-Signature} and one {@code Digest}
 * header, the digest of the body as received, PS256, unencoded detached payload, sigD over the
 * digest only, and a signing time within {@link #SKEW} of now.
 */
public final class PayloadVerifier {

    /** How far the claimed signing time ({@code iat}) may lie from the gateway's clock. */
    public static final Duration SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    public PayloadVerifier(Clock clock) {
        this.clock = clock;
    }

    /** Whether the signature is there at all (more than one header counts as there, and invalid). */
    public static boolean signed(List<String> signatures) {
        return signatures != null && !signatures.isEmpty();
    }

    /** True when the body carries a valid signature by the registered certificate. */
    public boolean verifies(byte[] body, List<String> digests, List<String> signatures, X509Certificate registered) {
        if (digests == null || digests.size() != 1 || signatures == null || signatures.size() != 1) {
            return false;
        }
        String digest = digests.get(0).trim();
        if (!MessageDigest.isEqual(digest.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                PayloadSignature.digest(body).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return false;
        }
        String compact = signatures.get(0).trim();
        if (!compact.matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+")) {
            return false;
        }
        try {
            JWSObject jws = JWSObject.parse(compact, new Payload(PayloadSignature.signedLine(digest)));
            JWSHeader header = jws.getHeader();
            if (!JWSAlgorithm.PS256.equals(header.getAlgorithm()) || header.isBase64URLEncodePayload()
                    || header.getCriticalParams() == null || !header.getCriticalParams().containsAll(Set.of("b64", "sigD"))
                    || !signedPartsAreTheDigest(header.getCustomParam("sigD")) || !recent(header.getCustomParam("iat"))) {
                return false;
            }
            return registered.getPublicKey() instanceof RSAPublicKey key && jws.verify(new RSASSAVerifier(key, Set.of("sigD")));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signedPartsAreTheDigest(Object sigD) {
        return sigD instanceof Map<?, ?> d && PayloadSignature.HTTP_HEADERS_MECHANISM.equals(d.get("mId"))
                && List.of("digest").equals(d.get("pars"));
    }

    private boolean recent(Object iat) {
        if (!(iat instanceof Number seconds)) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(seconds.longValue());
        Instant now = clock.instant();
        return !signedAt.isBefore(now.minus(SKEW)) && !signedAt.isAfter(now.plus(SKEW));
    }
}
