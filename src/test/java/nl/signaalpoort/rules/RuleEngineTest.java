package nl.signaalpoort.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.signaalpoort.partner.FeedbackProfile;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.signal.Money;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Sector;
import nl.signaalpoort.support.TestSignals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static Partner partner(String id, Sector sector, String minimum) {
        return new Partner(id, "n", "000000990000000001" + (10 + id.length()), sector,
                minimum == null ? null : Money.ofEuros(minimum), FeedbackProfile.FULL, false);
    }

    private static RuleEngine engine(Partner... partners) {
        return new RuleEngine(new PartnerRegistryFixture(List.of(partners)).registry());
    }

    /** Each row: the seed fact (004: partner thresholds EUR 50-150, sector defaults in domain.md section 4). */
    @ParameterizedTest(name = "{0} {1} with minimum {2}: {3}")
    @CsvSource(nullValues = "NULL", value = {
        "ENERGY, 50.00, NULL, true",
        "ENERGY, 49.99, NULL, false",
        "WATER, 50.00, NULL, true",
        "HOUSING, 49.99, NULL, false",
        "HEALTH_INSURANCE, 75.00, NULL, true",
        "HEALTH_INSURANCE, 74.99, NULL, false",
        "ENERGY, 149.99, 150.00, false",
        "ENERGY, 150.00, 150.00, true"})
    void minimumAmountPerSectorAndOverride(Sector sector, String amount, String override, boolean passes) {
        Partner partner = partner("p-" + sector.name().toLowerCase().replace('_', '-'), sector, override);
        List<Rejection> result = engine(partner).check(TestSignals.withAmount(TestSignals.valid(), Money.ofEuros(amount)), partner);

        if (passes) {
            assertThat(result).isEmpty();
        } else {
            assertThat(result).containsExactly(Rejection.of(ReasonCode.BELOW_MINIMUM_AMOUNT, "arrears.totalAmount"));
        }
    }

    @Test
    void refusesAnOverrideOutsideFiftyToHundredFifty() {
        assertThatThrownBy(() -> engine(partner("low", Sector.ENERGY, "49.99")))
                .hasMessageContaining("between EUR 50.00 and EUR 150.00").hasMessageContaining("low");
        assertThatThrownBy(() -> engine(partner("high", Sector.ENERGY, "150.01")))
                .hasMessageContaining("between EUR 50.00 and EUR 150.00");
    }

    @Test
    void ruleSetVersionChangesWithTheParameters() {
        Partner a = partner("aa", Sector.ENERGY, "60.00");
        Partner b = partner("aa", Sector.ENERGY, "70.00");
        RuleSetRef refA = engine(a).ruleSetFor(a);
        RuleSetRef refB = engine(b).ruleSetFor(b);

        assertThat(refA.id()).isEqualTo("energy/aa");
        assertThat(refA.version()).isNotEqualTo(refB.version()).hasSize(12);
        assertThat(engine(a).ruleSetFor(a)).isEqualTo(refA);
    }

    /** Builds a real registry from partners in memory. */
    record PartnerRegistryFixture(List<Partner> partners) {
        PartnerRegistry registry() {
            StringBuilder yaml = new StringBuilder("partners:\n");
            for (Partner p : partners) {
                yaml.append("  - id: ").append(p.id()).append("\n    name: n\n    oin: \"").append(p.oin())
                        .append("\"\n    sector: ").append(p.sector()).append('\n');
                if (p.minimumAmount() != null) {
                    yaml.append("    minimumAmount: ").append(p.minimumAmount().euros()).append('\n');
                }
            }
            return new PartnerRegistry(new nl.signaalpoort.partner.PartnerRegistryProperties(
                    new org.springframework.core.io.ByteArrayResource(yaml.toString().getBytes())));
        }
    }
}
