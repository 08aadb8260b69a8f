package nl.signaalpoort.intake.rest;

import java.util.List;
import java.util.Map;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.partner.PartnerRuleSets;
import nl.signaalpoort.rules.RuleEngine;
import nl.signaalpoort.rules.RuleSet;
import nl.signaalpoort.security.OrganisationPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/partners/me/rules}: a partner reads the rules its signals are checked against. */
@RestController
public class PartnerRulesController {

    /** One rule: its reason code, what it means in the caller's language, its parameters. */
    public record RuleView(String code, String description, Map<String, Object> parameters, boolean warningOnly) {
    }

    /** The partner's effective rule set. */
    public record RulesView(String ruleSetId, String version, String sector, List<RuleView> rules) {
    }

    private final PartnerRegistry partners;
    private final PartnerRuleSets ruleSets;
    private final RuleEngine engine;
    private final Messages messages;

    public PartnerRulesController(PartnerRegistry partners, PartnerRuleSets ruleSets, RuleEngine engine, Messages messages) {
        this.partners = partners;
        this.ruleSets = ruleSets;
        this.engine = engine;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/partners/me/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    public RulesView rules(@AuthenticationPrincipal OrganisationPrincipal caller) {
        Partner partner = partners.byId(caller.organisationId()).orElseThrow(() -> new ApiProblemException(ProblemCode.FORBIDDEN));
        RuleSet ruleSet = ruleSets.ruleSetFor(partner);
        List<RuleView> rules = engine.describe(ruleSet).stream()
                .map(r -> new RuleView(r.code().name(), messages.rule(r.code()), r.parameters(), r.warningOnly()))
                .toList();
        return new RulesView(ruleSet.id(), ruleSet.version(), ruleSet.sector().name(), rules);
    }
}
