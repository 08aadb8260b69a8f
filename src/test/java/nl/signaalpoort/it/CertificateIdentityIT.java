package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SoapClients;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A certificate from the trusted CA is not yet an identity: its subject must carry exactly one
 * well-formed OIN. Otherwise the caller gets the API's own refusal (problem+json 401, a SOAP fault)
 * and the log one line, not an error page and stack traces.
 */
@ExtendWith(OutputCaptureExtension.class)
class CertificateIdentityIT extends AbstractGatewayIT {

    private static final String NS = "urn:signaalpoort:soap:v1";

    @ParameterizedTest
    @ValueSource(strings = {"partner-bad-oin", "partner-two-oins"})
    void aTrustedCertificateWithoutExactlyOneOinIsRefusedAsNoIdentity(String identity, CapturedOutput output) throws Exception {
        int logged = output.getOut().length();

        HttpResponse<String> rest = as(identity).get("/api/v1/feedback");
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(401);
        assertThat(rest.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(rest.body()).path("code").asText()).isEqualTo("CLIENT_CERTIFICATE_REQUIRED");

        String envelope = SoapClients.envelope(NS + ":fetchFeedback", port, "<v1:fetchFeedback xmlns:v1=\"" + NS + "\"/>");
        HttpResponse<String> soap = as(identity).postSoap(SoapClients.PATH, envelope, NS + ":fetchFeedback");
        assertThat(soap.statusCode()).as(soap.body()).isEqualTo(500);
        assertThat(soap.body()).contains("Fault").contains("<code>CLIENT_CERTIFICATE_REQUIRED</code>");

        String log = output.getOut().substring(logged);
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(log.lines().filter(l -> l.contains("client certificate refused: subject"))).hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM soap_message_ids WHERE message_id = ?", messageId(envelope))).isZero();
    }

    private static String messageId(String envelope) {
        return envelope.replaceAll("(?s).*<wsa:MessageID>([^<]+)</wsa:MessageID>.*", "$1");
    }
}
