package nl.signaalpoort.intake.pgp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param decryptionKey the gateway's armored OpenPGP secret key; partners encrypt batch files to its public part
 * @param passphrase    unlocks it (prod: from the environment)
 */
@ConfigurationProperties("signaalpoort.pgp")
public record PgpProperties(Resource decryptionKey, String passphrase) {
}
