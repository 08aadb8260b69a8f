package nl.signaalpoort.intake.pgp;

import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param decryptionKey the gateway's armored OpenPGP secret key: partners encrypt batch files to its public
 *                      part, and it signs the files the gateway writes (receipts, feedback files, encrypted deliveries)
 * @param passphrase    unlocks it (prod: from the environment)
 */
@ConfigurationProperties("signaalpoort.pgp")
public record PgpProperties(Resource decryptionKey, String passphrase) {

    /**
     * The gateway's key, read from {@code decryptionKey} and unlocked once, here: unlocking runs the
     * key's deliberately slow passphrase derivation (S2K), which per signed file or per delivered
     * signal would cost more than the rest of the work. The unlocked copy lives in memory only.
     */
    public OpenPGPKey gatewayKey() throws IOException {
        if (decryptionKey == null) {
            throw new IllegalStateException("signaalpoort.pgp.decryption-key is required");
        }
        OpenPGPKey key;
        try (InputStream in = decryptionKey.getInputStream()) {
            key = new OpenPGPKeyReader().parseKey(in);
        }
        try {
            PGPSecretKeyRing unlocked = PGPSecretKeyRing.copyWithNewPassword(key.getPGPSecretKeyRing(),
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                            .build(passphrase == null ? new char[0] : passphrase.toCharArray()), null);
            return new OpenPGPKey(unlocked);
        } catch (PGPException e) {
            throw new IllegalStateException("signaalpoort.pgp.passphrase does not unlock signaalpoort.pgp.decryption-key", e);
        }
    }
}
