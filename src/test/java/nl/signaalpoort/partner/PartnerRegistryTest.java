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
