package nl.signaalpoort.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.signaalpoort.signal.Money;
import nl.signaalpoort.support.TestRuleSettings;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

class PartnerRuleSetsTest {

    private static PartnerRegistry registry(String rules) {
        String yaml = """
                partners:
                  - id: p-one
                    name: P
                    oin: "00000099000000000101"
                    sector: ENERGY
                """ + rules;
        return new PartnerRegistry(new PartnerRegistryProperties(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theShippedRegistryGivesEveryPartnerAValidRuleSet() {
        PartnerRegistry partners = new PartnerRegistry(new PartnerRegistryProperties(new FileSystemResource("routes/partners.yaml")));
        PartnerRuleSets ruleSets = new PartnerRuleSets(partners, TestRuleSettings.properties());

        assertThat(ruleSets.all()).hasSize(partners.all().size());
        assertThat(ruleSets.ruleSetFor(partners.byId("demo-water").orElseThrow()).parameters().minimumAmount())
                .isEqualTo(Money.ofEuros("75.00"));
        assertThat(ruleSets.ruleSetFor(partners.byId("demo-energie").orElseThrow()).parameters().minimumAmount())
                .isEqualTo(Money.ofEuros("50.00"));
        assertThat(ruleSets.ruleSetFor(partners.byId("demo-zorg").orElseThrow()).id()).isEqualTo("health_insurance/demo-zorg");
    }

    @Test
    void aMinimumOutsideFiftyToHundredFiftyStopsTheGateway() {
        assertThatThrownBy(() -> new PartnerRuleSets(registry("    rules:\n      minimumAmount: 49.99\n"), TestRuleSettings.properties()))
                .hasMessageContaining("energy/p-one").hasMessageContaining("between EUR 50.00 and EUR 150.00");
        assertThatThrownBy(() -> new PartnerRuleSets(registry("    rules:\n      minimumAmount: 150.01\n"), TestRuleSettings.properties()))
                .hasMessageContaining("between EUR 50.00 and EUR 150.00");
    }

    @Test
    void otherOverridesAreBoundedToo() {
        assertThatThrownBy(() -> new PartnerRuleSets(registry("    rules:\n      maxDaysOverdue: 1000\n"), TestRuleSettings.properties()))
                .hasMessageContaining("maxDaysOverdue");
        assertThatThrownBy(() -> new PartnerRuleSets(registry("    rules:\n      minDaysOverdue: 200\n      maxDaysOverdue: 100\n"),
                TestRuleSettings.properties())).hasMessageContaining("must not exceed");
    }

    @Test
    void anUnknownRuleNameInTheRegistryIsRefused() {
        assertThatThrownBy(() -> registry("    rules:\n      minimumAmout: 60.00\n")).hasMessageContaining("minimumAmout");
    }
}
