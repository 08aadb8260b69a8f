package nl.signaalpoort.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

class OinExtractorTest {

    private static X509Certificate cert(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("certs-dev", name + ".crt"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void readsTheOinFromTheSubjectSerialNumber() throws Exception {
        OinExtractor extractor = new OinExtractor();
        assertThat(extractor.extractPrincipal(cert("partner-energie"))).isEqualTo("00000099000000000101");
        assertThat(extractor.extractPrincipal(cert("gemeente-utrecht"))).isEqualTo("00000099000000000344");
    }

    @Test
    void refusesACertificateWithoutOin() throws Exception {
        // The CA certificate has no serialNumber in its subject.
        X509Certificate ca = cert("ca");
        assertThat(ca.getSerialNumber()).isNotEqualTo(BigInteger.ZERO);
        assertThatThrownBy(() -> new OinExtractor().extractPrincipal(ca)).isInstanceOf(BadCredentialsException.class);
    }
}
