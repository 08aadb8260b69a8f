package nl.signaalpoort.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.routing.RoutingProperties;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.support.SignalBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

class DataQualityWarningsTest {

    /** The shipped registry: Amsterdam, Utrecht and Rotterdam among others. */
    private static final MunicipalityRegistry REGISTRY = new MunicipalityRegistry(new RoutingProperties(
            new FileSystemResource("routes/municipalities.yaml"), null, Duration.ofMinutes(5)));
    private static final Municipality AMSTERDAM = REGISTRY.byCode("GM0363").orElseThrow();
    private static final DataQualityWarnings WARNINGS = new DataQualityWarnings(REGISTRY);

    private static List<ReasonCode> codes(List<Rejection> warnings) {
        return warnings.stream().map(Rejection::code).toList();
    }

    @Test
    void aPlaceholderBirthDateIsNoticed() {
        assertThat(codes(WARNINGS.of(SignalBuilder.valid().debtor("J.", "Berg", LocalDate.of(1900, 1, 1)).build(), AMSTERDAM)))
                .containsExactly(ReasonCode.PLACEHOLDER_BIRTH_DATE);
        assertThat(codes(WARNINGS.of(SignalBuilder.valid().debtor("J.", "Berg", LocalDate.of(2000, 1, 1)).build(), AMSTERDAM)))
                .containsExactly(ReasonCode.PLACEHOLDER_BIRTH_DATE);
        assertThat(WARNINGS.of(SignalBuilder.valid().debtor("J.", "Berg", LocalDate.of(2000, 1, 2)).build(), AMSTERDAM)).isEmpty();
    }

    @Test
    void aCityThatIsAnotherConnectedMunicipalityIsNoticedAndAnUnknownTownIsNot() {
        assertThat(codes(WARNINGS.of(SignalBuilder.valid().address("Damrak", 1, "1012LG", " UTRECHT ").build(), AMSTERDAM)))
                .containsExactly(ReasonCode.CITY_IN_OTHER_MUNICIPALITY);
        assertThat(WARNINGS.of(SignalBuilder.valid().address("Damrak", 1, "1012LG", "Amsterdam").build(), AMSTERDAM)).isEmpty();
        // A town within the municipality, or one not connected, says nothing about the routing.
        assertThat(WARNINGS.of(SignalBuilder.valid().address("Dorpsstraat", 1, "1012LG", "Duivendrecht").build(), AMSTERDAM)).isEmpty();
    }
}
