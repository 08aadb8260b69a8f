package nl.signaalpoort.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.security.tls.ClientTlsConfig;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * Signs what the gateway POSTs to municipalities and partners (REST deliveries, feedback pushes)
 * with its own key and certificate, the ones of its client TLS (SSL bundle {@code client}): the
 * receiver can check with the published gateway certificate that the body is what the gateway sent.
 * A Camel step: the body becomes the exact bytes signed, so nothing re-encodes it afterwards.
 */
@Component(Routes.PAYLOAD_SIGNER)
public class PayloadSigner {

    private final PayloadSignature signature;

    public PayloadSigner(SslBundles bundles, Clock clock) {
        this.signature = fromBundle(bundles.getBundle(ClientTlsConfig.BUNDLE), clock);
    }

    public void sign(Exchange exchange) {
        Message in = exchange.getIn();
        Object body = in.getBody();
        byte[] bytes = body instanceof byte[] b ? b : body == null ? new byte[0] : in.getBody(String.class).getBytes(StandardCharsets.UTF_8);
        PayloadSignature.Headers headers = signature.sign(bytes);
        in.setBody(bytes);
        in.setHeader(PayloadSignature.DIGEST_HEADER, headers.digest());
        in.setHeader(PayloadSignature.SIGNATURE_HEADER, headers.signature());
    }

    /** A JSON document signed whole by the gateway ({@link PayloadSignature#signDocument}). */
    public String signDocument(byte[] json) {
        return signature.signDocument(json);
    }

    static PayloadSignature fromBundle(SslBundle bundle, Clock clock) {
        try {
            KeyStore store = bundle.getStores().getKeyStore();
            String password = bundle.getKey().getPassword() != null ? bundle.getKey().getPassword() : bundle.getStores().getKeyStorePassword();
            String alias = bundle.getKey().getAlias() != null ? bundle.getKey().getAlias()
                    : Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                            .orElseThrow(() -> new IllegalStateException("the client SSL bundle holds no private key to sign with"));
            Key key = store.getKey(alias, password == null ? new char[0] : password.toCharArray());
            Certificate[] chain = store.getCertificateChain(alias);
            List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
            return new PayloadSignature((PrivateKey) key, certificates, clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key cannot be read from the client SSL bundle", e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
