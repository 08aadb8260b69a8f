package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import nl.signaalpoort.support.AbstractGatewayIT;
import org.junit.jupiter.api.Test;

/** Whom a municipality contacts at the partner: with each delivered signal, and in the directory municipalities read. */
class PartnerContactIT extends AbstractGatewayIT {

    @Test
    void eachDeliveredSignalCarriesThePartnersContact() throws Exception {
        String signalId = deliveredSignal("CONTACT");

        JsonNode delivered = json(Files.readString(DROP_FOLDER.resolve("GM0363").resolve(signalId + ".json")));

        JsonNode contact = delivered.at("/vastelastenpartner/contact");
        assertThat(contact.get("team").asText()).isEqualTo("Team betalingsachterstanden");
        assertThat(contact.get("telefoonnummer").asText()).isEqualTo("+31 20 555 0101");
        assertThat(contact.get("voorkeur").asText()).isEqualTo("TELEFOON");
        assertThat(contact.get("bereikbaar").asText()).isEqualTo("werkdagen 8-18 uur");
    }

    @Test
    void municipalitiesReadThePartnerDirectoryAndPartnersDoNot() throws Exception {
        HttpResponse<String> response = as("gemeente-utrecht").get("/api/v1/partners");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode partners = json(response.body()).get("partners");
        assertThat(partners).extracting(p -> p.get("id").asText())
                .containsExactly("demo-energie", "demo-water", "demo-wonen", "demo-zorg");
        assertThat(partners.get(3).at("/contact/preferred").asText()).isEqualTo("EMAIL");
        assertThat(partners.get(3).at("/contact/email").asText()).isEqualTo("signalen@zorg.example.com");
        assertThat(as("partner-energie").get("/api/v1/partners").statusCode()).isEqualTo(403);
        assertThat(as("gemeente-utrecht").get("/api/v1/partners?sector=ENERGY").statusCode()).isEqualTo(400);
    }
}
