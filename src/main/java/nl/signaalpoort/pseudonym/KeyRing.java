package nl.signaalpoort.pseudonym;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Keys by id, one of them active. Loaded once at start-up; a mistake stops the gateway. */
public final class KeyRing {

    private final String name;
    private final String activeId;
    private final Map<String, byte[]> keys;

    KeyRing(String name, String activeId, Map<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException(name + " key ring: no keys configured");
        }
        if (activeId == null || !keys.containsKey(activeId)) {
            throw new IllegalStateException(name + " key ring: the active key '" + activeId + "' is not in the ring");
        }
        this.name = name;
        this.activeId = activeId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    static KeyRing load(String name, KeyRingProperties.Ring ring, UnaryOperator<String> environment) {
        if (ring == null || ring.ring() == null) {
            throw new IllegalStateException(name + " key ring: not configured (signaalpoort.keys." + name + ")");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (KeyRingProperties.Entry entry : ring.ring()) {
            if (entry.id() == null || !entry.id().matches("[A-Za-z0-9._-]{1,32}")) {
                throw new IllegalStateException(name + " key ring: key ids are 1-32 letters, digits, . _ or -");
            }
            if (keys.put(entry.id(), KeyMaterial.read(entry.id(), entry.material(), environment)) != null) {
                throw new IllegalStateException(name + " key ring: key '" + entry.id() + "' listed twice");
            }
        }
        return new KeyRing(name, ring.active(), keys);
    }

    public String activeId() {
        return activeId;
    }

    byte[] active() {
        return keys.get(activeId);
    }

    byte[] key(String id) {
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException(name + " key ring: key '" + id + "' is not in the ring");
        }
        return key;
    }

    Map<String, byte[]> all() {
        return keys;
    }
}
