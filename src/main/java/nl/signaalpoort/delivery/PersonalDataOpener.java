package nl.signaalpoort.delivery;

import java.util.UUID;
import nl.signaalpoort.pseudonym.EnvelopeCipher;
import nl.signaalpoort.store.PersonalData;
import nl.signaalpoort.store.PersonalDataCodec;
import org.springframework.stereotype.Component;

/**
 * Decrypts a signal's sealed personal data, for the only two readers allowed it: the delivery to
 * the municipality ({@link BatchAssembler}) and the municipality's own monitor export.
 */
@Component
public class PersonalDataOpener {

    private final EnvelopeCipher cipher;

    public PersonalDataOpener(EnvelopeCipher cipher) {
        this.cipher = cipher;
    }

    /** The personal data, or null when it was shredded (the retention job cleared the sealed columns). */
    public PersonalData openOrNull(UUID signalId, String masterKeyId, byte[] wrappedDataKey, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        return PersonalDataCodec.fromBytes(cipher.open(new EnvelopeCipher.Sealed(masterKeyId, wrappedDataKey, ciphertext), signalId.toString()));
    }
}
