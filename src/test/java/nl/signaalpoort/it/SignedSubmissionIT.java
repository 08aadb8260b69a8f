package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import nl.signaalpoort.signing.PayloadSignature;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.PartnerSigner;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Partners that registered a signing certificate sign their REST submissions (JAdES payload
 * signature); Demo Zorgverzekeraar may (OPTIONAL), a partner registered REQUIRED must.
 */
class SignedSubmissionIT extends AbstractGatewayIT {

    @Test
    void aSignedSubmissionIsTakenAndABadSignatureRefusedWithNothingStored() throws Exception {
        PayloadSignature zorg = PartnerSigner.of("partner-zorg", Clock.systemUTC());

        String signedReference = SignalJson.uniqueReference("SIGNED");
        byte[] body = body(signedReference);
        PayloadSignature.Headers headers = zorg.sign(body);
        HttpResponse<String> signed = as("partner-zorg").postBytes("/api/v1/signals", body,
                "Digest", headers.digest(), "Payload-Signature", headers.signature());
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", signedReference)).isEqualTo(1);

        // The body changed after signing.
        String changedReference = SignalJson.uniqueReference("SIGNED");
        byte[] original = body(changedReference);
        PayloadSignature.Headers originalHeaders = zorg.sign(original);
        byte[] changed = new String(original, StandardCharsets.UTF_8).replace(changedReference, changedReference + "-2")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(as("partner-zorg").postBytes("/api/v1/signals", changed, "Digest", PayloadSignature.digest(changed),
                "Payload-Signature", originalHeaders.signature()), "PAYLOAD_SIGNATURE_INVALID");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", changedReference)).isZero();

        // Signed properly, but by another organisation's key.
        String foreignReference = SignalJson.uniqueReference("SIGNED");
        byte[] foreignBody = body(foreignReference);
        PayloadSignature.Headers foreign = PartnerSigner.of("partner-energie", Clock.systemUTC()).sign(foreignBody);
        assertRefused(as("partner-zorg").postBytes("/api/v1/signals", foreignBody, "Digest", foreign.digest(),
                "Payload-Signature", foreign.signature()), "PAYLOAD_SIGNATURE_INVALID");

        // Signed ten minutes ago: too old.
        byte[] staleBody = body(SignalJson.uniqueReference("SIGNED"));
        PayloadSignature.Headers stale = PartnerSigner.of("partner-zorg",
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))).sign(staleBody);
        assertRefused(as("partner-zorg").postBytes("/api/v1/signals", staleBody, "Digest", stale.digest(),
                "Payload-Signature", stale.signature()), "PAYLOAD_SIGNATURE_INVALID");

        // OPTIONAL: unsigned is still taken.
        assertThat(as("partner-zorg").postBytes("/api/v1/signals", body(SignalJson.uniqueReference("SIGNED"))).statusCode()).isEqualTo(200);
    }

    @Test
    void aPartnerRegisteredRequiredCannotSendUnsigned() throws Exception {
        Path partners = nl.signaalpoort.support.TestRegistry.partners("""
                partners:
                  - id: demo-zorg
                    name: Demo Zorgverzekeraar
                    oin: "00000099000000000102"
                    sector: HEALTH_INSURANCE
                    restSigning: {certificate: certs-dev/partner-zorg.crt, signature: REQUIRED}
                """);
        try (ConfigurableApplicationContext app = new StandaloneGateway("signed_submission_it")
                .with("signaalpoort.partners.registry", "file:" + partners).start()) {
            TlsClient zorg = TlsClient.as("partner-zorg", StandaloneGateway.port(app));
            assertRefused(zorg.postBytes("/api/v1/signals", body(SignalJson.uniqueReference("UNSIGNED"))), "PAYLOAD_SIGNATURE_REQUIRED");

            byte[] body = body(SignalJson.uniqueReference("SIGNED"));
            PayloadSignature.Headers headers = PartnerSigner.of("partner-zorg", Clock.systemUTC()).sign(body);
            assertThat(zorg.postBytes("/api/v1/signals", body, "Digest", headers.digest(), "Payload-Signature", headers.signature())
                    .statusCode()).isEqualTo(200);
            // Two signatures: which one counts? Neither.
            assertRefused(zorg.postBytes("/api/v1/signals", body, "Digest", headers.digest(), "Payload-Signature", headers.signature(),
                    "Payload-Signature", headers.signature()), "PAYLOAD_SIGNATURE_INVALID");
        }
    }

    private static byte[] body(String reference) {
        return SignalJson.healthSignal(reference, SignalJson.UTRECHT, "100.00", "30.00", "130.00").getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response.body()).path("code").asText()).isEqualTo(code);
    }
}
