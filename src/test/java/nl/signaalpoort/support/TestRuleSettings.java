package nl.signaalpoort.support;

import nl.signaalpoort.rules.RuleParameters;
import nl.signaalpoort.rules.RuleProperties;
import nl.signaalpoort.rules.RuleSet;
import nl.signaalpoort.signal.Sector;

/** The sector default rule sets exactly as shipped in application.yaml, bound the way Spring binds them. */
public final class TestRuleSettings {

    private static RuleProperties properties;

    private TestRuleSettings() {
    }

    public static synchronized RuleProperties properties() {
        if (properties == null) {
            properties = TestSettings.bind("signaalpoort.rules", RuleProperties.class);
        }
        return properties;
    }

    public static RuleSet ruleSet(Sector sector, RuleParameters overrides) {
        return RuleSet.of(sector.name().toLowerCase() + "/test", sector, properties().defaults(sector).overriddenBy(overrides));
    }
}
