package nl.signaalpoort.pseudonym;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import javax.crypto.SecretKey;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Reads key material: a secret-key entry of a PKCS12 key store ({@code pkcs12:<location>#<alias>},
 * password in {@code SIGNAALPOORT_KEYSTORE_PASSWORD}), base64 in an environment variable
 * ({@code env:NAME}), or base64 in a resource ({@code file:...}).
 */
final class KeyMaterial {

    static final int KEY_BYTES = 32;
    static final String PKCS12 = "pkcs12:";
    static final String KEYSTORE_PASSWORD = "SIGNAALPOORT_KEYSTORE_PASSWORD";

    private KeyMaterial() {
    }

    static byte[] read(String keyId, String location) {
        return read(keyId, location, System::getenv);
    }

    static byte[] read(String keyId, String location, UnaryOperator<String> environment) {
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("key '" + keyId + "': no material configured");
        }
        if (location.startsWith(PKCS12)) {
            return checked(keyId, fromKeyStore(keyId, location.substring(PKCS12.length()), environment));
        }
        String base64;
        if (location.startsWith("env:")) {
            base64 = environment.apply(location.substring(4));
            if (base64 == null) {
                throw new IllegalStateException("key '" + keyId + "': environment variable " + location.substring(4) + " is not set");
            }
        } else {
            Resource resource = new DefaultResourceLoader().getResource(location);
            try (InputStream in = resource.getInputStream()) {
                base64 = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException("key '" + keyId + "': cannot read " + location);
            }
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("key '" + keyId + "': material is not base64");
        }
        return checked(keyId, key);
    }

    private static byte[] checked(String keyId, byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("key '" + keyId + "': must be 256 bits, is " + key.length * 8);
        }
        return key;
    }

    /** A secret-key entry of a PKCS12 key store: {@code pkcs12:<location>#<alias>}, password from the environment. */
    private static byte[] fromKeyStore(String keyId, String spec, UnaryOperator<String> environment) {
        int hash = spec.lastIndexOf('#');
        if (hash < 1) {
            throw new IllegalStateException("key '" + keyId + "': use pkcs12:<location>#<alias>");
        }
        String password = environment.apply(KEYSTORE_PASSWORD);
        if (password == null) {
            throw new IllegalStateException("key '" + keyId + "': environment variable " + KEYSTORE_PASSWORD + " is not set");
        }
        Resource resource = new DefaultResourceLoader().getResource(spec.substring(0, hash));
        try (InputStream in = resource.getInputStream()) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Key key = store.getKey(spec.substring(hash + 1), password.toCharArray());
            if (!(key instanceof SecretKey secret)) {
                throw new IllegalStateException("key '" + keyId + "': no secret key under that alias");
            }
            return secret.getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("key '" + keyId + "': cannot read the key store (" + e.getClass().getSimpleName() + ")");
        }
    }
}
