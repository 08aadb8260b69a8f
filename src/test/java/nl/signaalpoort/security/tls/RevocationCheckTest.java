package nl.signaalpoort.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nl.signaalpoort.security.tls.RevocationCheck.Status;
import nl.signaalpoort.security.tls.RevocationProperties.WhenUnavailable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

/** A test CA of its own, revoking and re-issuing CRLs, against the JDK's PKIX revocation checker. */
class RevocationCheckTest {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private static KeyPair caKeys;
    private static X509Certificate ca;
    private static X509Certificate good;
    private static X509Certificate revoked;
    private static KeyStore trust;

    @BeforeAll
    static void testCa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        caKeys = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=Revocation Test CA DEV ONLY");
        JcaX509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, date(NOW.minus(Duration.ofDays(10))),
                date(NOW.plus(Duration.ofDays(3650))), caName, caKeys.getPublic());
        caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca = new JcaX509CertificateConverter().getCertificate(caBuilder.build(signer()));
        good = issue(BigInteger.valueOf(10), generator.generateKeyPair());
        revoked = issue(BigInteger.valueOf(11), generator.generateKeyPair());
        trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
    }

    @Test
    void aCurrentCrlSaysGoodOrRevoked() throws Exception {
        RevocationCheck check = check(List.of(crl(NOW, NOW.plus(Duration.ofDays(7)), BigInteger.valueOf(11))), true);

        assertThat(check.check(new X509Certificate[] {good})).isEqualTo(Status.GOOD);
        assertThat(check.check(new X509Certificate[] {revoked})).isEqualTo(Status.REVOKED);
        // The CA certificate sent along by the client changes nothing.
        assertThat(check.check(new X509Certificate[] {revoked, ca})).isEqualTo(Status.REVOKED);
    }

    @Test
    void anExpiredCrlOrNoneAtAllLeavesTheStatusUnknown() throws Exception {
        assertThat(check(List.of(crl(NOW.minus(Duration.ofDays(14)), NOW.minus(Duration.ofDays(7)))), false)
                .check(new X509Certificate[] {good})).isEqualTo(Status.UNKNOWN);
        assertThat(check(List.of(), true).check(new X509Certificate[] {good})).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aNewCrlFileIsReadAfterTheReloadIntervalAndABrokenOneKeepsTheLastGood() throws Exception {
        Path file = Files.createTempFile("ca", ".crl");
        Files.write(file, crl(NOW, NOW.plus(Duration.ofDays(7))));
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        RevocationCheck check = new RevocationCheck(trust, new CrlFiles(List.of(new FileSystemResource(file)), Duration.ofMinutes(5), clock), false);
        assertThat(check.check(new X509Certificate[] {revoked})).isEqualTo(Status.GOOD);

        Files.write(file, crl(NOW, NOW.plus(Duration.ofDays(7)), BigInteger.valueOf(11)));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(NOW.plusSeconds(60)));
        now.set(NOW.plusSeconds(60));
        assertThat(check.check(new X509Certificate[] {revoked})).as("before the interval").isEqualTo(Status.GOOD);
        now.set(NOW.plus(Duration.ofMinutes(6)));
        assertThat(check.check(new X509Certificate[] {revoked})).as("after the interval").isEqualTo(Status.REVOKED);

        Files.writeString(file, "half a file");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(NOW.plus(Duration.ofMinutes(7))));
        now.set(NOW.plus(Duration.ofMinutes(12)));
        assertThat(check.check(new X509Certificate[] {revoked})).as("broken file: last good CRL").isEqualTo(Status.REVOKED);
    }

    @Test
    void aCrlFileThatIsNoCrlStopsTheStart() throws Exception {
        Path file = Files.createTempFile("not-a", ".crl");
        Files.writeString(file, "not a CRL");

        assertThatThrownBy(() -> new CrlFiles(List.of(new FileSystemResource(file)), Duration.ofMinutes(5), Clock.systemUTC()))
                .hasMessageContaining("is not a CRL");
    }

    @Test
    void theTrustManagerRefusesRevokedAndUnknownAndAcceptsUnknownOnlyWhenFailingOpen() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RevocationTrustManager closed = new RevocationTrustManager(RevocationTrustManager.pkix(trust),
                check(List.of(crl(NOW, NOW.plus(Duration.ofDays(7)), BigInteger.valueOf(11))), false), WhenUnavailable.REFUSE, meters);
        closed.checkRevocation(new X509Certificate[] {good});
        assertThatThrownBy(() -> closed.checkRevocation(new X509Certificate[] {revoked})).isInstanceOf(CertificateException.class);

        RevocationTrustManager open = new RevocationTrustManager(RevocationTrustManager.pkix(trust), check(List.of(), false),
                WhenUnavailable.ACCEPT, new SimpleMeterRegistry());
        open.checkRevocation(new X509Certificate[] {good});
        RevocationTrustManager refusing = new RevocationTrustManager(RevocationTrustManager.pkix(trust), check(List.of(), false),
                WhenUnavailable.REFUSE, new SimpleMeterRegistry());
        assertThatThrownBy(() -> refusing.checkRevocation(new X509Certificate[] {good})).isInstanceOf(CertificateException.class);

        assertThat(meters.get("signaalpoort.tls.revocation.checks").tag("outcome", "good").counter().count()).isEqualTo(1);
        assertThat(meters.get("signaalpoort.tls.revocation.checks").tag("outcome", "revoked").counter().count()).isEqualTo(1);
    }

    private static RevocationCheck check(List<byte[]> crls, boolean ocsp) throws Exception {
        List<org.springframework.core.io.Resource> files = new java.util.ArrayList<>();
        for (byte[] crl : crls) {
            Path file = Files.createTempFile("ca", ".crl");
            Files.write(file, crl);
            files.add(new FileSystemResource(file));
        }
        return new RevocationCheck(trust, new CrlFiles(files, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC)), ocsp);
    }

    private static X509Certificate issue(BigInteger serial, KeyPair keys) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial, date(NOW.minus(Duration.ofDays(1))),
                date(NOW.plus(Duration.ofDays(365))), new X500Name("CN=Partner " + serial + " DEV ONLY,SERIALNUMBER=00000099000000000101"),
                keys.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
    }

    private static byte[] crl(Instant thisUpdate, Instant nextUpdate, BigInteger... revokedSerials) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name(ca.getSubjectX500Principal().getName()), date(thisUpdate));
        builder.setNextUpdate(date(nextUpdate));
        for (BigInteger serial : revokedSerials) {
            builder.addCRLEntry(serial, date(thisUpdate), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(signer())).getEncoded();
    }

    private static ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate());
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
