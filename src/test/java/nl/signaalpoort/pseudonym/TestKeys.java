package nl.signaalpoort.pseudonym;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Key rings built from literal test keys, through the same loading code as production (env: material). */
final class TestKeys {

    static final String K2025 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String K2026 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    private TestKeys() {
    }

    static KeyRing ring(String active, String... ids) {
        Map<String, String> env = Map.of("K2025", K2025, "K2026", K2026);
        List<KeyRingProperties.Entry> entries = java.util.Arrays.stream(ids)
                .map(id -> new KeyRingProperties.Entry(id, "env:" + id)).toList();
        return KeyRing.load("test", new KeyRingProperties.Ring(active, entries), env::get);
    }
}
