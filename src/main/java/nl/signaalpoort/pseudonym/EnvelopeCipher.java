package nl.signaalpoort.pseudonym;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption with AES-256-GCM (JCA): every record gets its own random data key, which is
 * stored only wrapped by a master key that never enters the database. Destroying the wrapped data
 * key shreds the record. The record's id is bound in as associated data, so a ciphertext moved to
 * another record does not decrypt.
 */
@Component
public class EnvelopeCipher {

    /** What is stored: the id of the wrapping master key, the wrapped data key, the ciphertext. */
    public record Sealed(String masterKeyId, byte[] wrappedKey, byte[] ciphertext) {
    }

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * Cipher objects per thread, initialised afresh (new key, new IV) for every use: looking up the
     * provider's implementation each time cost more than the encryption of a signal's fields. The
     * master key's own: an AES cipher expands its key again only when it is given another, so
     * wrapping every data key with the same master key skips that (key expansion was 9% of a batch
     * file's reading thread, half of it the master key's; docs/benchmarks.md).
     */
    private static final ThreadLocal<Cipher> DATA = ThreadLocal.withInitial(EnvelopeCipher::gcm);
    private static final ThreadLocal<Cipher> WRAP = ThreadLocal.withInitial(EnvelopeCipher::gcm);

    private final KeyRing masters;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public EnvelopeCipher(KeyRingProperties properties) {
        this(KeyRing.load("master", properties.master(), System::getenv));
    }

    EnvelopeCipher(KeyRing masters) {
        this.masters = masters;
    }

    public Sealed seal(byte[] plaintext, String recordId) {
        byte[] dataKey = new byte[KeyMaterial.KEY_BYTES];
        random.nextBytes(dataKey);
        byte[] ciphertext = encrypt(DATA.get(), dataKey, plaintext, aad("data", recordId));
        byte[] wrapped = encrypt(WRAP.get(), masters.active(), dataKey, aad("key", recordId));
        return new Sealed(masters.activeId(), wrapped, ciphertext);
    }

    public byte[] open(Sealed sealed, String recordId) {
        byte[] dataKey = decrypt(WRAP.get(), masters.key(sealed.masterKeyId()), sealed.wrappedKey(), aad("key", recordId), recordId);
        return decrypt(DATA.get(), dataKey, sealed.ciphertext(), aad("data", recordId), recordId);
    }

    private static byte[] aad(String purpose, String recordId) {
        return (purpose + "|" + recordId).getBytes(StandardCharsets.UTF_8);
    }

    private static Cipher gcm() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    private byte[] encrypt(Cipher cipher, byte[] key, byte[] plaintext, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] body = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + body.length).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] decrypt(Cipher cipher, byte[] key, byte[] sealed, byte[] aad, String recordId) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new TamperedDataException(recordId);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("AES-GCM decryption failed for record " + recordId + ": " + e.getClass().getSimpleName());
        }
    }
}
