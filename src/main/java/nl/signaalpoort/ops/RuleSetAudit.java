package nl.signaalpoort.ops;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.signaalpoort.partner.PartnerRuleSets;
import nl.signaalpoort.rules.RuleDescription;
import nl.signaalpoort.rules.RuleEngine;
import nl.signaalpoort.rules.RuleSet;
import nl.signaalpoort.store.RuleSetVersionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * At start-up, records each partner's effective rule set version with its criteria and logs every
 * change, so what a partner's signals were checked against can be told afterwards, and
 * municipalities receive the criteria with each signal.
 */
@Component
public class RuleSetAudit {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetAudit.class);

    public RuleSetAudit(PartnerRuleSets ruleSets, RuleEngine engine, RuleSetVersionRepository versions, Clock clock) {
        for (RuleSet ruleSet : ruleSets.all().values()) {
            String previous = versions.latestVersion(ruleSet.id()).orElse(null);
            try {
                if (versions.recordIfNew(ruleSet.id(), ruleSet.version(), criteria(engine, ruleSet), clock.instant())
                        && previous != null) {
                    LOG.warn("rule set {} changed: version {} -> {}", ruleSet.id(), previous, ruleSet.version());
                }
            } catch (DuplicateKeyException anotherNodeRecordedIt) {
                // Two nodes starting together: the other one recorded this version first.
            }
        }
    }

    /** The active rules and their parameters: {"BELOW_MINIMUM_AMOUNT": {"minimumAmount": 50.00, ...}, ...}. */
    static Map<String, Map<String, Object>> criteria(RuleEngine engine, RuleSet ruleSet) {
        Map<String, Map<String, Object>> criteria = new LinkedHashMap<>();
        for (RuleDescription rule : engine.describe(ruleSet)) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            rule.parameters().forEach((name, value) -> {
                if (value != null) {
                    parameters.put(name, value);
                }
            });
            criteria.put(rule.code().name(), parameters);
        }
        return criteria;
    }
}
