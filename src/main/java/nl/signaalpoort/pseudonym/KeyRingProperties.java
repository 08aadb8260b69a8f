package nl.signaalpoort.pseudonym;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's secret keys. Material never comes from the database: a resource location
 * ({@code file:/run/secrets/x.key}, base64 text) or an environment variable ({@code env:NAME}).
 *
 * @param pseudonym HMAC keys for pseudonyms: the active one makes new pseudonyms, the others only
 *                  help find signals pseudonymised before a rotation
 * @param master    AES-256 keys that wrap the per-signal data keys of personal data at rest
 */
@ConfigurationProperties("signaalpoort.keys")
public record KeyRingProperties(Ring pseudonym, Ring master) {

    /** @param active the id of the key that makes new pseudonyms or wraps new data keys */
    public record Ring(String active, List<Entry> ring) {
    }

    public record Entry(String id, String material) {
    }
}
