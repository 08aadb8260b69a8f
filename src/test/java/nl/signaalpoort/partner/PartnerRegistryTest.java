package nl.signaalpoort.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.signaalpoort.signal.Sector;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

class PartnerRegistryTest {

    @Test
    void loadsTheShippedRegistry() {
        PartnerRegistry registry = new PartnerRegistry(new PartnerRegistryProperties(new FileSystemResource("routes/partners.yaml")));
        assertThat(registry.byOin("00000099000000000101")).hasValueSatisfying(p -> {
            assertThat(p.id()).isEqualTo("demo-energie");
            assertThat(p.sector()).isEqualTo(Sector.ENERGY);
        });
        assertThat(registry.byId("demo-zorg")).hasValueSatisfying(p -> assertThat(p.feedbackProfile()).isEqualTo(FeedbackProfile.BINARY));
        assertThat(registry.all()).allSatisfy(p -> assertThat(p.contact()).as(p.id()).isNotNull());
        assertThat(registry.byId("demo-zorg").orElseThrow().receivesContactDataNotices()).isTrue();
        assertThat(registry.byId("demo-energie").orElseThrow().receivesContactDataNotices()).as("off unless registered").isFalse();
    }

    @Test
    void contactDataNoticesNeedTheirLegalBasis() {
        Partner.Contact contact = new Partner.Contact("Incasso", "+31 20 555 0101", null, Partner.ContactChannel.PHONE, null);
        assertThatThrownBy(() -> new PartnerRegistry(List.of(new Partner("ab", "n", "00000099000000000101", Sector.ENERGY, null, null, false,
                null, null, null, null, null, null, contact, new Partner.ContactDataNotices(" ")))))
                .hasMessageContaining("contactDataNotices needs the legalBasis");
    }

    private static Partner withContact(Partner.Contact contact) {
        return new Partner("ab", "n", "00000099000000000101", Sector.ENERGY, null, null, false, null, null, null, null, null, null, contact);
    }

    @Test
    void aContactNeedsATeamAndTheWayItPrefers() {
        assertThat(new PartnerRegistry(List.of(withContact(new Partner.Contact("Incasso", "+31 20 555 0101", null,
                Partner.ContactChannel.PHONE, "werkdagen 9-17 uur")))).byId("ab")).hasValueSatisfying(p ->
                assertThat(p.contact().team()).isEqualTo("Incasso"));
        assertThatThrownBy(() -> new PartnerRegistry(List.of(withContact(new Partner.Contact(" ", "+31 20 555 0101", null, null, null)))))
                .hasMessageContaining("contact.team is required");
        assertThatThrownBy(() -> new PartnerRegistry(List.of(withContact(new Partner.Contact("T", "call me", null, null, null)))))
                .hasMessageContaining("contact.phone must be a phone number");
        assertThatThrownBy(() -> new PartnerRegistry(List.of(withContact(new Partner.Contact("T", null, "not-an-address", null, null)))))
                .hasMessageContaining("contact.email must be an e-mail address");
        assertThatThrownBy(() -> new PartnerRegistry(List.of(withContact(new Partner.Contact("T", "+31 20 555 0101", null,
                Partner.ContactChannel.EMAIL, null))))).hasMessageContaining("the one it prefers");
        assertThatThrownBy(() -> new PartnerRegistry(List.of(withContact(new Partner.Contact("T", null, null, null, null)))))
                .hasMessageContaining("needs a phone or an e-mail address");
    }

    @Test
    void refusesMistakesAtStartUp() {
        assertThatThrownBy(() -> new PartnerRegistry(List.of(new Partner("Bad Id", "n", "00000099000000000101", Sector.ENERGY, null, null, false))))
                .hasMessageContaining("id must be");
        assertThatThrownBy(() -> new PartnerRegistry(List.of(new Partner("ab", "n", "123", Sector.ENERGY, null, null, false))))
                .hasMessageContaining("20 digits");
        assertThatThrownBy(() -> new PartnerRegistry(List.of(new Partner("ab", "n", "00000099000000000101", null, null, null, false))))
                .hasMessageContaining("sector");
        assertThatThrownBy(() -> new PartnerRegistry(List.of(
                new Partner("ab", "n", "00000099000000000101", Sector.ENERGY, null, null, false),
                new Partner("cd", "n", "00000099000000000101", Sector.ENERGY, null, null, false))))
                .hasMessageContaining("oin is registered twice");
    }
}
