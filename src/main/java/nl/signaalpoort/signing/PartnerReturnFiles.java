package nl.signaalpoort.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import nl.signaalpoort.files.AtomicFiles;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.springframework.stereotype.Component;

/**
 * Puts receipts and feedback files in a partner's outbox as its registration says
 * ({@code pgp.returnFiles}): the file with a detached signature by the gateway beside it
 * ({@code <name>.sig}), or one OpenPGP message signed by the gateway and encrypted to the
 * partner's key ({@code <name>.pgp}) with no plain copy. Each file appears whole ({@link AtomicFiles});
 * a signature is in place before the file it signs.
 */
@Component
public class PartnerReturnFiles {

    public static final String SIGNATURE_SUFFIX = ".sig";
    public static final String MESSAGE_SUFFIX = ".pgp";

    private final PartnerFiles files;
    private final OpenPgpSealer sealer;
    private final Map<String, OpenPGPCertificate> keys;

    public PartnerReturnFiles(PartnerFiles files, OpenPgpSealer sealer, PartnerRegistry partners) {
        this.files = files;
        this.sealer = sealer;
        this.keys = partners.all().stream().filter(Partner::encryptsReturnFiles)
                .collect(Collectors.toUnmodifiableMap(Partner::id, p -> OpenPgpSealer.recipient(p.pgp().signingKey(),
                        "partner registry: '" + p.id() + "' (pgp.returnFiles: ENCRYPTED)")));
    }

    /** Publishes {@code source} as {@code name} in the partner's outbox; returns the file the partner gets. */
    public Path publish(String partnerId, String name, Path source) throws IOException {
        Path outbox = files.outbox(partnerId);
        OpenPGPCertificate key = keys.get(partnerId);
        if (key != null) {
            return AtomicFiles.write(outbox.resolve(name + MESSAGE_SUFFIX), out -> {
                try (InputStream in = Files.newInputStream(source)) {
                    sealer.encryptAndSign(in, out, key);
                }
            });
        }
        AtomicFiles.write(outbox.resolve(name + SIGNATURE_SUFFIX), out -> {
            try (InputStream in = Files.newInputStream(source)) {
                sealer.detachedSignature(in, out);
            }
        });
        return AtomicFiles.copy(source, outbox.resolve(name));
    }

    /** Publishes what {@code content} writes, staged in the gateway's private work folder. */
    public Path publish(String partnerId, String name, AtomicFiles.Content content) throws IOException {
        Path staged = files.privateWorkFile(PartnerFiles.OPENED_PREFIX);
        try {
            try (var out = Files.newOutputStream(staged)) {
                content.writeTo(out);
            }
            return publish(partnerId, name, staged);
        } finally {
            Files.deleteIfExists(staged);
        }
    }
}
