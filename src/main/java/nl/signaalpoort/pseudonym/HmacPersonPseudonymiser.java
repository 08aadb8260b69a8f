package nl.signaalpoort.pseudonym;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.signaalpoort.signal.Debtor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 (JCA) over a canonical form of surname (with prefix) and birth date. The canonical
 * form drops case, accents, spaces and punctuation so "Van der Berg" and "van der berg" link.
 */
@Component
public class HmacPersonPseudonymiser implements PersonPseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final String keyId;
    private final SecretKeySpec key;
    /** Mac is not thread-safe and costly to look up; one per thread. */
    private final ThreadLocal<Mac> macs;

    @Autowired
    public HmacPersonPseudonymiser(PseudonymProperties properties) {
        this(properties.keyId(), readKey(properties));
    }

    HmacPersonPseudonymiser(String keyId, byte[] keyBytes) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalStateException("pseudonym key: a key id is required");
        }
        if (keyBytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("pseudonym key: at least 256 bits are required");
        }
        this.keyId = keyId;
        this.key = new SecretKeySpec(keyBytes, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    @Override
    public Pseudonym personPseudonym(Debtor debtor) {
        String canonical = canonicalName(debtor.surnamePrefix()) + canonicalName(debtor.surname()) + "|" + debtor.birthDate();
        byte[] digest = macs.get().doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        return new Pseudonym(keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    static String canonicalName(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] readKey(PseudonymProperties properties) {
        if (properties.key() == null) {
            throw new IllegalStateException("pseudonym key: signaalpoort.pseudonym.key is not set");
        }
        try (InputStream in = properties.key().getInputStream()) {
            return Base64.getMimeDecoder().decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("pseudonym key: cannot read a base64 key from " + properties.key().getDescription(), e);
        }
    }
}
