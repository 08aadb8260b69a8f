package nl.signaalpoort.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                new FileSystemResource("routes/municipalities.yaml"), null));
        assertThat(registry.byCode("GM0363")).hasValueSatisfying(m -> assertThat(m.delivery().type()).isEqualTo(DeliveryType.FILE));
        assertThat(registry.byOin("00000099000000000344")).hasValueSatisfying(m -> assertThat(m.code()).isEqualTo("GM0344"));
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
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of())).hasMessageContaining("no municipalities");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(new Municipality("GM0363", "X", oin, new Municipality.Delivery(
                DeliveryType.REST, "https://x", null, null, null, null, "certs-dev/pgp-gemeente-amsterdam.pub.asc", null)))))
                .hasMessageContaining("openPgpKey is for FILE and SFTP deliveries");
        assertThatThrownBy(() -> new MunicipalityRegistry(List.of(new Municipality("GM0363", "X", oin, new Municipality.Delivery(
                DeliveryType.FILE, "x", null, null, null, null, null, "certs-dev/ca.crt")))))
                .hasMessageContaining("trustedCertificates is for REST and SOAP deliveries");
    }
}
