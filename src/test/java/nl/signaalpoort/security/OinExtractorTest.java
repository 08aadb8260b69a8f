package nl.signaalpoort.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

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
    void aSubjectWithoutExactlyOneWellFormedOinIsNoIdentity() throws Exception {
        OinExtractor extractor = new OinExtractor();
        // The CA certificate has no serialNumber in its subject at all.
        X509Certificate ca = cert("ca");
        assertThat(ca.getSerialNumber()).isNotEqualTo(BigInteger.ZERO);
        assertThat(extractor.extractPrincipal(ca)).isNull();
        // 19 digits.
        assertThat(extractor.extractPrincipal(cert("partner-bad-oin"))).isNull();
        // Two serialNumbers, each a well-formed OIN: which one would it be?
        assertThat(extractor.extractPrincipal(cert("partner-two-oins"))).isNull();
    }
}
