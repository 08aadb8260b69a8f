package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.OpenSslClient;
import nl.signaalpoort.support.OpenSslClient.Handshake;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TLS policy that really runs on the API port, tried from outside with OpenSSL offering one
 * protocol or suite at a time: TLS 1.3, and TLS 1.2 with forward-secret AES-GCM only (NCSC "good").
 */
class TlsPolicyIT extends AbstractGatewayIT {

    @ParameterizedTest(name = "{0} {1} is accepted")
    @CsvSource({
            "-tls1_3, -ciphersuites, TLS_AES_256_GCM_SHA384",
            "-tls1_3, -ciphersuites, TLS_AES_128_GCM_SHA256",
            "-tls1_3, -ciphersuites, TLS_CHACHA20_POLY1305_SHA256",
            "-tls1_2, -cipher, ECDHE-RSA-AES256-GCM-SHA384",
            "-tls1_2, -cipher, ECDHE-RSA-AES128-GCM-SHA256"})
    void allowedOffersComplete(String protocol, String option, String suite) throws Exception {
        Handshake handshake = OpenSslClient.connect(port, "partner-energie", protocol, option, suite);

        assertThat(handshake.completed()).as(handshake.output()).isTrue();
        assertThat(handshake.cipher()).isEqualTo(suite);
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({
            // CBC, even with ECDHE
            "-tls1_2, ECDHE-RSA-AES128-SHA",
            "-tls1_2, ECDHE-RSA-AES256-SHA",
            "-tls1_2, ECDHE-RSA-AES256-SHA384",
            "-tls1_2, ECDHE-RSA-AES128-SHA256",
            // finite-field Diffie-Hellman
            "-tls1_2, DHE-RSA-AES128-GCM-SHA256",
            "-tls1_2, DHE-RSA-AES256-GCM-SHA384",
            // ChaCha20 is allowed under TLS 1.3 only
            "-tls1_2, ECDHE-RSA-CHACHA20-POLY1305",
            // RSA key exchange: no forward secrecy
            "-tls1_2, AES128-GCM-SHA256",
            "-tls1_2, AES256-GCM-SHA384",
            // old protocols, whatever the suite (the client lowers its own floor to offer them)
            "-tls1_1, DEFAULT@SECLEVEL=0",
            "-tls1, DEFAULT@SECLEVEL=0"})
    void refusedOffersFailTheHandshake(String protocol, String cipher) throws Exception {
        Handshake handshake = OpenSslClient.connect(port, "partner-energie", protocol, "-cipher", cipher);

        assertThat(handshake.completed()).as(handshake.output()).isFalse();
    }
}
