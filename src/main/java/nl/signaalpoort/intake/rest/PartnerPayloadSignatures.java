package nl.signaalpoort.intake.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.signing.PayloadSignature;
import nl.signaalpoort.signing.PayloadVerifier;
import org.springframework.stereotype.Component;

/**
 * Partners that registered a signing certificate ({@code restSigning} in the registry) may, or
 * must, sign their REST submissions with a JAdES payload signature; a signature that does not
 * verify by exactly that certificate is refused, and nothing of the submission is stored.
 */
@Component
public class PartnerPayloadSignatures {

    private final Map<String, X509Certificate> certificates = new HashMap<>();
    private final PayloadVerifier verifier;

    public PartnerPayloadSignatures(PartnerRegistry partners, Clock clock) throws GeneralSecurityException {
        this.verifier = new PayloadVerifier(clock);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        for (Partner partner : partners.all()) {
            if (partner.restSigning() != null) {
                if (partner.restSigning().certificate() == null) {
                    throw new IllegalStateException("partner registry: partner '" + partner.id() + "': restSigning.certificate is required");
                }
                try (InputStream in = Files.newInputStream(Path.of(partner.restSigning().certificate()))) {
                    certificates.put(partner.id(), (X509Certificate) x509.generateCertificate(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("partner registry: partner '" + partner.id() + "': restSigning.certificate unreadable", e);
                }
            }
        }
    }

    /** Refuses the submission unless the partner's signature policy is met by this request and body. */
    public void check(Partner partner, HttpServletRequest request, byte[] body) {
        List<String> signatures = Collections.list(request.getHeaders(PayloadSignature.SIGNATURE_HEADER));
        X509Certificate certificate = certificates.get(partner.id());
        if (certificate == null) {
            return;
        }
        if (!PayloadVerifier.signed(signatures)) {
            if (partner.restSigning().signature() == Partner.SignaturePolicy.REQUIRED) {
                throw new ApiProblemException(ProblemCode.PAYLOAD_SIGNATURE_REQUIRED);
            }
            return;
        }
        List<String> digests = Collections.list(request.getHeaders(PayloadSignature.DIGEST_HEADER));
        if (!verifier.verifies(body, digests, signatures, certificate)) {
            throw new ApiProblemException(ProblemCode.PAYLOAD_SIGNATURE_INVALID);
        }
    }
}
