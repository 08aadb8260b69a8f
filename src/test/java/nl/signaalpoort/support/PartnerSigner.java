package nl.signaalpoort.support;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import nl.signaalpoort.signing.PayloadSignature;

/** A partner signing its REST submission with its key from certs-dev, as its software would. */
public final class PartnerSigner {

    private PartnerSigner() {
    }

    public static PayloadSignature of(String identity, Clock clock) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev", identity + ".p12"))) {
            store.load(in, "changeit-dev-only".toCharArray());
        }
        String alias = store.aliases().nextElement();
        return new PayloadSignature((PrivateKey) store.getKey(alias, "changeit-dev-only".toCharArray()),
                Arrays.stream(store.getCertificateChain(alias)).map(X509Certificate.class::cast).toList(), clock);
    }
}
