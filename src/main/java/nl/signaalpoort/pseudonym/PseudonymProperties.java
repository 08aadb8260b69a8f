package nl.signaalpoort.pseudonym;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param keyId the id stored next to every pseudonym made with this key
 * @param key   a resource holding the base64 HMAC key (at least 256 bits); never the database
 */
@ConfigurationProperties("signaalpoort.pseudonym")
public record PseudonymProperties(String keyId, Resource key) {
}
