package nl.signaalpoort.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

class TargetTrustManagerTest {

    private static X509ExtendedTrustManager emptyTrust() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
    }

    @Test
    void aServerIsJudgedByItsOwnTrustByHostAndPortElseByTheCommonOne() throws Exception {
        X509ExtendedTrustManager common = emptyTrust();
        X509ExtendedTrustManager amsterdam = emptyTrust();
        TargetTrustManager trust = new TargetTrustManager(common, Map.of(TargetTrustManager.target("Gemeente.Example", 443), amsterdam));

        assertThat(trust.trustFor("gemeente.example", 443)).isSameAs(amsterdam);
        assertThat(trust.trustFor("GEMEENTE.EXAMPLE", 443)).isSameAs(amsterdam);
        assertThat(trust.trustFor("gemeente.example", 8443)).as("another port is another target").isSameAs(common);
        assertThat(trust.trustFor("other.example", 443)).isSameAs(common);
        assertThat(trust.trustFor(null, -1)).isSameAs(common);
    }

    @Test
    void itNeverAcceptsClients() throws Exception {
        TargetTrustManager trust = new TargetTrustManager(emptyTrust(), Map.of());
        assertThatThrownBy(() -> trust.checkClientTrusted(new java.security.cert.X509Certificate[0], "RSA"))
                .isInstanceOf(CertificateException.class);
    }
}
