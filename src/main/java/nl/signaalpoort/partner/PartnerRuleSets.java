package nl.signaalpoort.partner;

import java.util.Map;
import java.util.stream.Collectors;
import nl.signaalpoort.rules.RuleProperties;
import nl.signaalpoort.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each partner's effective rule set: its sector's defaults (settings) completed by its own
 * overrides from the registry, checked against sane bounds when the gateway starts.
 */
@Component
public class PartnerRuleSets {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerRuleSets.class);

    private final Map<String, RuleSet> byPartner;

    public PartnerRuleSets(PartnerRegistry partners, RuleProperties properties) {
        this.byPartner = partners.all().stream().collect(Collectors.toUnmodifiableMap(Partner::id, p -> effective(p, properties)));
        byPartner.values().forEach(r -> LOG.info("rule set {} version {} ({})", r.id(), r.version(), r.parameters()));
    }

    public RuleSet ruleSetFor(Partner partner) {
        RuleSet ruleSet = byPartner.get(partner.id());
        if (ruleSet == null) {
            throw new IllegalStateException("no rule set for partner " + partner.id());
        }
        return ruleSet;
    }

    public Map<String, RuleSet> all() {
        return byPartner;
    }

    static RuleSet effective(Partner partner, RuleProperties properties) {
        return RuleSet.of(partner.sector().name().toLowerCase() + "/" + partner.id(), partner.sector(),
                properties.defaults(partner.sector()).overriddenBy(partner.rules()));
    }
}
