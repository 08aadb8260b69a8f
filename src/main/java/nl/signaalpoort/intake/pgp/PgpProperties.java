package nl.signaalpoort.intake.pgp;

import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param decryptionKey the gateway's armored OpenPGP secret key: partners encrypt batch files to its public
 *                      part, and it signs the files the gateway writes (receipts, feedback files, encrypted deliveries)
 * @param passphrase    unlocks it (prod: from the environment)
 */
@ConfigurationProperties("signaalpoort.pgp")
public record PgpProperties(Resource decryptionKey, String passphrase) {

    /** The gateway's key, read from {@code decryptionKey}. */
    public OpenPGPKey gatewayKey() throws IOException {
        if (decryptionKey == null) {
            throw new IllegalStateException("signaalpoort.pgp.decryption-key is required");
        }
        try (InputStream in = decryptionKey.getInputStream()) {
            return new OpenPGPKeyReader().parseKey(in);
        }
    }

    /** The passphrase as the OpenPGP API takes it (empty when the key has none). */
    public char[] passphraseChars() {
        return passphrase == null ? new char[0] : passphrase.toCharArray();
    }
}
