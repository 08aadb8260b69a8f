package nl.signaalpoort.pseudonym;

import nl.signaalpoort.signal.Pseudonyms;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Debtor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 (JCA) pseudonyms over canonical forms, with a key ring: new pseudonyms under the
 * active key, look-ups under every key so history survives a rotation.
 */
@Component
public class HmacPersonPseudonymiser implements PersonPseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";

    private final String activeId;
    /** Mac is not thread-safe and costly to look up: one per key per thread. */
    private final Map<String, ThreadLocal<Mac>> macs = new LinkedHashMap<>();

    @Autowired
    public HmacPersonPseudonymiser(KeyRingProperties properties) {
        this(KeyRing.load("pseudonym", properties.pseudonym(), System::getenv));
    }

    HmacPersonPseudonymiser(KeyRing ring) {
        this.activeId = ring.activeId();
        ring.all().forEach((id, key) -> macs.put(id, ThreadLocal.withInitial(() -> newMac(key))));
    }

    @Override
    public Pseudonyms pseudonyms(Debtor debtor, Address address) {
        return under(activeId, debtor, address);
    }

    @Override
    public List<Pseudonyms> lookupPseudonyms(Debtor debtor, Address address) {
        List<Pseudonyms> all = new ArrayList<>(macs.size());
        for (String keyId : macs.keySet()) {
            all.add(under(keyId, debtor, address));
        }
        return all;
    }

    private Pseudonyms under(String keyId, Debtor debtor, Address address) {
        Mac mac = macs.get(keyId).get();
        return new Pseudonyms(keyId,
                hmac(mac, CanonicalForms.person(debtor)),
                hmac(mac, CanonicalForms.household(address)),
                hmac(mac, CanonicalForms.tolerantPerson(debtor, address)));
    }

    private static String hmac(Mac mac, String canonical) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
