package nl.signaalpoort.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * JAdES detached payload signatures as the Logius API signing module specifies (ADR
 * /signing/payload, /signing/algorithm): a {@code Digest} header (RFC 3230, SHA-256 over the body
 * bytes as sent) and a {@code Payload-Signature} header with a compact JWS, PS256, detached and
 * unencoded ({@code b64: false}), whose {@code sigD} (mId HttpHeaders, pars {@code ["digest"]})
 * says that what is signed is the digest line. The signer's certificate chain travels in {@code x5c}
 * with its SHA-256 thumbprint, the signing time in {@code iat} (JAdES baseline B).
 */
public final class PayloadSignature {

    public static final String SIGNATURE_HEADER = "Payload-Signature";
    public static final String DIGEST_HEADER = "Digest";
    static final String HTTP_HEADERS_MECHANISM = "http://uri.etsi.org/19182/HttpHeaders";

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Clock clock;

    public PayloadSignature(PrivateKey key, List<X509Certificate> chain, Clock clock) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.clock = clock;
    }

    /** The two headers for a body. */
    public record Headers(String digest, String signature) {
    }

    public Headers sign(byte[] body) {
        String digest = digest(body);
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.PS256)
                    .type(new JOSEObjectType("jose"))
                    .x509CertChain(x5c())
                    .x509CertSHA256Thumbprint(Base64URL.encode(sha256(chain.get(0).getEncoded())))
                    .base64URLEncodePayload(false)
                    .customParam("iat", clock.instant().getEpochSecond())
                    .customParam("sigD", Map.of("mId", HTTP_HEADERS_MECHANISM, "pars", List.of("digest")))
                    .criticalParams(new LinkedHashSet<>(List.of("b64", "sigD")))
                    .build();
            JWSObject jws = new JWSObject(header, new Payload(signedLine(digest)));
            jws.sign(new RSASSASigner(key));
            return new Headers(digest, jws.serialize(true));
        } catch (JOSEException | CertificateEncodingException e) {
            throw new IllegalStateException("the payload cannot be signed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * A document signed as a whole: a compact JWS, PS256, with the document as its (base64url)
     * payload, the certificate chain in {@code x5c} and its thumbprint, the signing time in
     * {@code iat}. Anyone holding it can check it with the published gateway certificate and read
     * the document from it; nothing beside it is needed.
     */
    public String signDocument(byte[] json) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.PS256)
                    .type(new JOSEObjectType("JOSE"))
                    .contentType("json")
                    .x509CertChain(x5c())
                    .x509CertSHA256Thumbprint(Base64URL.encode(sha256(chain.get(0).getEncoded())))
                    .customParam("iat", clock.instant().getEpochSecond())
                    .build();
            JWSObject jws = new JWSObject(header, new Payload(json));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new IllegalStateException("the document cannot be signed: " + e.getClass().getSimpleName(), e);
        }
    }

    private List<Base64> x5c() throws CertificateEncodingException {
        List<Base64> x5c = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            x5c.add(Base64.encode(certificate.getEncoded()));
        }
        return x5c;
    }

    /** The RFC 3230 instance digest of the body: {@code SHA-256=<base64>}. */
    public static String digest(byte[] body) {
        return "SHA-256=" + java.util.Base64.getEncoder().encodeToString(sha256(body));
    }

    /** What a payload signature covers: the digest header as one HTTP-headers line. */
    static String signedLine(String digest) {
        return "digest: " + digest.trim();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
