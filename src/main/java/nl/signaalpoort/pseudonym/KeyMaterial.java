package nl.signaalpoort.pseudonym;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/** Reads base64 key material from an environment variable ({@code env:NAME}) or a resource location. */
final class KeyMaterial {

    static final int KEY_BYTES = 32;

    private KeyMaterial() {
    }

    static byte[] read(String keyId, String location) {
        return read(keyId, location, System::getenv);
    }

    static byte[] read(String keyId, String location, UnaryOperator<String> environment) {
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("key '" + keyId + "': no material configured");
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
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("key '" + keyId + "': must be 256 bits, is " + key.length * 8);
        }
        return key;
    }
}
