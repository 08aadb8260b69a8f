package nl.signaalpoort.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

class MunicipalityRegistryTest {

    private static Municipality m(String code, String oin, DeliveryType type, String endpoint, Integer batch) {
        return new Municipality(code, "X", oin, new Municipality.Delivery(type, endpoint, batch));
    }

    @Test
    void loadsTheShippedRegistry() {
        MunicipalityRegistry registry = new MunicipalityRegistry(new RoutingProperties(
                new FileSystemResource("routes/municipalities.yaml"), null, java.time.Duration.ofMinutes(5)));
        assertThat(registry.byCode("GM0363")).hasValueSatisfying(m -> assertThat(m.delivery().type()).isEqualTo(DeliveryType.FILE));
        assertThat(registry.organisationByOin("00000099000000000344")).hasValueSatisfying(o -> {
            assertThat(o.id()).isEqualTo("GM0344");
            assertThat(o.codes()).containsExactly("GM0344");
        });
    }

    private static MunicipalityRegistry fromYaml(String yaml) throws Exception {
        Path file = Files.createTempFile("municipalities", ".yaml");
        Files.writeString(file, yaml);
        return new MunicipalityRegistry(new RoutingProperties(new FileSystemResource(file), null, java.time.Duration.ofMinutes(5)));
    }

    private static final String TEAM = """
            organisations:
              - id: team-walcheren
                name: Orionis Walcheren
                oin: "00000099000000000700"
                municipalities: [GM0687, GM0718]
                delivery: {type: FILE, endpoint: data/delivered/walcheren}
            municipalities:
              - {code: GM0687, name: Middelburg}
              - code: GM0718
                name: Vlissingen
                oin: "00000099000000000718"
                delivery: {type: FILE, endpoint: data/delivered/GM0718}
              - {code: GM0363, name: Amsterdam, oin: "00000099000000000363", delivery: {type: FILE, endpoint: x}}
            """;

    @Test
    void aSharedServiceTeamActsForItsMunicipalitiesAndFeedsThoseWithoutADeliveryOfTheirOwn() throws Exception {
        MunicipalityRegistry registry = fromYaml(TEAM);

        assertThat(registry.organisationByOin("00000099000000000700")).hasValueSatisfying(team -> {
            assertThat(team.id()).isEqualTo("team-walcheren");
            assertThat(team.codes()).containsExactlyInAnyOrder("GM0687", "GM0718");
            assertThat(team.actsFor("GM0363")).isFalse();
        });
        // A member with a certificate of its own still reports for itself alone.
        assertThat(registry.organisationByOin("00000099000000000718")).hasValueSatisfying(o -> assertThat(o.codes()).containsExactly("GM0718"));
        assertThat(registry.byCode("GM0687")).hasValueSatisfying(m -> {
            assertThat(m.oin()).isNull();
            assertThat(m.delivery().endpoint()).isEqualTo("data/delivered/walcheren");
        });
        assertThat(registry.byCode("GM0718")).hasValueSatisfying(m -> assertThat(m.delivery().endpoint()).isEqualTo("data/delivered/GM0718"));
    }

    @Test
    void refusesTeamsThatOverlapOrNameWhatIsNotRegistered() {
        assertThatThrownBy(() -> fromYaml(TEAM.replace("[GM0687, GM0718]", "[GM0687, GM0999]")))
                .hasMessageContaining("acts for GM0999, which is not a registered municipality");
        assertThatThrownBy(() -> fromYaml(TEAM.replace("[GM0687, GM0718]", "[GM0687]")))
                .hasMessageContaining("at least two municipalities");
        assertThatThrownBy(() -> fromYaml(TEAM.replace("""
                municipalities:
                  - {code: GM0687""", """
                  - {id: team-two, name: Two, oin: "00000099000000000701", municipalities: [GM0687, GM0363]}
                municipalities:
                  - {code: GM0687""")))
                .hasMessageContaining("GM0687 already belongs to another organisation");
        assertThatThrownBy(() -> fromYaml(TEAM.replace("oin: \"00000099000000000700\"", "oin: \"00000099000000000363\"")))
                .hasMessageContaining("oin is registered twice");
        assertThatThrownBy(() -> fromYaml(TEAM.replace("    delivery: {type: FILE, endpoint: data/delivered/walcheren}\n", "")))
                .hasMessageContaining("'GM0687': delivery needs a type and an endpoint");
        assertThatThrownBy(() -> fromYaml(TEAM.replace("[GM0687, GM0718]", "[GM0718, GM0363]")
                .replace("{code: GM0687, name: Middelburg}", "{code: GM0687, name: Middelburg, delivery: {type: FILE, endpoint: y}}")))
                .hasMessageContaining("'GM0687': oin must be 20 digits (or the municipality must belong to an organisation");
    }

    @Test
    void refusesMistakesAtStartUp() {
        String oin = "00000099000000000363";
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(m("0363", oin, DeliveryType.FILE, "x", null))))
                .hasMessageContaining("CBS code");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(m("GM0363", "123", DeliveryType.FILE, "x", null))))
                .hasMessageContaining("20 digits");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(m("GM0363", oin, DeliveryType.REST, "ftp://x", null))))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(m("GM0363", oin, DeliveryType.FILE, "x", 50_001))))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(m("GM0363", oin, DeliveryType.FILE, "x", null),
                m("GM0363", "00000099000000000364", DeliveryType.FILE, "y", null))))
                .hasMessageContaining("registered twice");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of())).hasMessageContaining("no municipalities");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(new Municipality("GM0363", "X", oin, new Municipality.Delivery(
                DeliveryType.REST, "https://x", null, null, null, null, "certs-dev/pgp-gemeente-amsterdam.pub.asc", null)))))
                .hasMessageContaining("openPgpKey is for FILE and SFTP deliveries");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(new Municipality("GM0363", "X", oin, new Municipality.Delivery(
                DeliveryType.FILE, "x", null, null, null, null, null, "certs-dev/ca.crt")))))
                .hasMessageContaining("trustedCertificates is for REST and SOAP deliveries");
    }

    private static Municipality merging(String code, String into, java.time.LocalDate on) {
        return new Municipality(code, "X", "0000009900000000" + code.substring(2), new Municipality.Delivery(DeliveryType.FILE, "x", null), false, null,
                new Municipality.Merger(into, on));
    }

    @Test
    void aMergedMunicipalitysSignalsAreItsSuccessorsFromTheDay() {
        java.time.LocalDate newYear = java.time.LocalDate.of(2027, 1, 1);
        MunicipalityRegistry registry = new MunicipalityRegistry(List.of(m("GM0363", "00000099000000000363", DeliveryType.FILE, "x", null),
                merging("GM0344", "GM0363", newYear)));
        Municipality utrecht = registry.byCode("GM0344").orElseThrow();
        assertThat(registry.inCharge(utrecht, newYear.minusDays(1)).code()).isEqualTo("GM0344");
        assertThat(registry.inCharge(utrecht, newYear).code()).isEqualTo("GM0363");
        assertThat(registry.inCharge(registry.byCode("GM0363").orElseThrow(), newYear).code()).isEqualTo("GM0363");
    }

    @Test
    void aMergerMustNameAnotherRegisteredMunicipalityThatRemainsAndADay() {
        java.time.LocalDate day = java.time.LocalDate.of(2027, 1, 1);
        Municipality amsterdam = m("GM0363", "00000099000000000363", DeliveryType.FILE, "x", null);
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(amsterdam, merging("GM0344", "GM0999", day))))
                .hasMessageContaining("mergedInto needs the code of another registered municipality");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(amsterdam, merging("GM0344", "GM0344", day))))
                .hasMessageContaining("mergedInto needs the code of another registered municipality");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(amsterdam, merging("GM0344", "GM0363", null))))
                .hasMessageContaining("the day it takes over");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(merging("GM0363", "GM0599", day), merging("GM0344", "GM0363", day),
                m("GM0599", "00000099000000000599", DeliveryType.FILE, "x", null))))
                .hasMessageContaining("must name the municipality that remains");
    }
}
