package nl.signaalpoort.intake.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignatureException;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.OpenPGPMessageInputStream;
import org.bouncycastle.openpgp.api.OpenPGPMessageProcessor;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Opens a partner's OpenPGP batch file (encrypted to the gateway's key, optionally signed by the
 * partner) into a plaintext file, streaming: the message is never held in memory. A signature can
 * only be judged after the last byte, so the plaintext goes to a file first and is only read on
 * when the partner's signature policy is met; on refusal the caller deletes it.
 */
@Component
public class PgpFileDecryptor {

    private final OpenPGPKey gatewayKey;
    private final Map<String, OpenPGPCertificate> signingKeys = new HashMap<>();
    private final Map<String, Partner.SignaturePolicy> policies = new HashMap<>();

    @Autowired
    public PgpFileDecryptor(PgpProperties properties, PartnerRegistry partners) throws IOException {
        this(properties.gatewayKey(), partners.all());
    }

    /** @param gatewayKey unlocked, as {@link PgpProperties#gatewayKey()} gives it */
    PgpFileDecryptor(OpenPGPKey gatewayKey, List<Partner> partners) throws IOException {
        this.gatewayKey = gatewayKey;
        OpenPGPKeyReader reader = new OpenPGPKeyReader();
        for (Partner partner : partners) {
            if (partner.pgp() != null) {
                if (partner.pgp().signingKey() == null) {
                    throw new IllegalStateException("partner registry: partner '" + partner.id() + "': pgp.signingKey is required");
                }
                try (InputStream in = Files.newInputStream(Path.of(partner.pgp().signingKey()))) {
                    signingKeys.put(partner.id(), reader.parseCertificate(in));
                }
                policies.put(partner.id(), partner.pgp().signature());
            }
        }
    }

    /** Whether a file name ends in one of the OpenPGP suffixes partners may use. */
    public static boolean isPgp(String fileName) {
        return fileName.endsWith(".pgp") || fileName.endsWith(".gpg") || fileName.endsWith(".asc");
    }

    /**
     * Decrypts {@code message} to {@code plaintext}, at most {@code maxBytes}, and applies the
     * partner's signature policy. Partners without a registered key may send unsigned files only.
     */
    public void decrypt(String partnerId, Path message, Path plaintext, long maxBytes) throws IOException, PgpRefusedException {
        OpenPGPCertificate signer = signingKeys.get(partnerId);
        Partner.SignaturePolicy policy = policies.getOrDefault(partnerId, Partner.SignaturePolicy.OPTIONAL);
        OpenPGPMessageProcessor processor = new OpenPGPMessageProcessor().addDecryptionKey(gatewayKey);
        if (signer != null) {
            processor.addVerificationCertificate(signer);
        }
        // Signatures by keys we do not know are dropped from the result; this notices that there was one.
        boolean[] foreignSignature = {false};
        processor.setMissingOpenPGPCertificateProvider(id -> {
            foreignSignature[0] = true;
            return null;
        });
        OpenPGPMessageInputStream.Result result;
        try (InputStream in = Files.newInputStream(message)) {
            OpenPGPMessageInputStream decrypted = open(processor, in);
            try (decrypted; OutputStream out = Files.newOutputStream(plaintext)) {
                copy(decrypted, out, maxBytes);
            }
            result = decrypted.getResult();
        } catch (IOException | RuntimeException e) {
            // Integrity (MDC/AEAD) failures and broken packets surface here, after or during reading.
            throw e instanceof PgpTooLarge ? new PgpRefusedException(PgpProblem.TOO_LARGE) : new PgpRefusedException(PgpProblem.MALFORMED);
        }
        if (result.getDecryptionKey() == null) {
            throw new PgpRefusedException(PgpProblem.WRONG_KEY);
        }
        judge(result.getSignatures(), foreignSignature[0], signer, policy);
    }

    private static OpenPGPMessageInputStream open(OpenPGPMessageProcessor processor, InputStream in) throws PgpRefusedException {
        try {
            return processor.process(in);
        } catch (PGPException e) {
            throw new PgpRefusedException(isNoKey(e) ? PgpProblem.WRONG_KEY : PgpProblem.MALFORMED);
        } catch (IOException | RuntimeException e) {
            throw new PgpRefusedException(PgpProblem.MALFORMED);
        }
    }

    private static boolean isNoKey(PGPException e) {
        return e.getMessage() != null && e.getMessage().startsWith("No working decryption method");
    }

    static void judge(List<OpenPGPSignature.OpenPGPDocumentSignature> signatures, boolean foreignSignature,
            OpenPGPCertificate signer, Partner.SignaturePolicy policy) throws PgpRefusedException {
        if (signatures.isEmpty() && !foreignSignature) {
            if (policy == Partner.SignaturePolicy.REQUIRED) {
                throw new PgpRefusedException(PgpProblem.UNSIGNED);
            }
            return;
        }
        if (signer == null) {
            // Nobody to check it against: the partner registered no key, so signatures are not part of its contract.
            return;
        }
        if (signatures.stream().noneMatch(s -> isValidBy(s, signer))) {
            throw new PgpRefusedException(PgpProblem.BAD_SIGNATURE);
        }
    }

    private static boolean isValidBy(OpenPGPSignature.OpenPGPDocumentSignature signature, OpenPGPCertificate signer) {
        try {
            return signature.getIssuerCertificate() != null
                    && Arrays.equals(signature.getIssuerCertificate().getFingerprint(), signer.getFingerprint())
                    && signature.isValid();
        } catch (PGPSignatureException e) {
            return false;
        }
    }

    private static void copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new PgpTooLarge();
            }
            out.write(buffer, 0, n);
        }
    }

    private static final class PgpTooLarge extends IOException {
        PgpTooLarge() {
            super("plaintext larger than allowed", null);
        }
    }
}
