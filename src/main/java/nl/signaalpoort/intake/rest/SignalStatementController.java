package nl.signaalpoort.intake.rest;

import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.intake.SignalStatement;
import nl.signaalpoort.intake.SignalStatements;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.security.OrganisationPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The gateway's signed statement about one of the partner's own signals ({@link SignalStatement}), by id or reference. */
@RestController
public class SignalStatementController {

    private final SignalStatements statements;
    private final PartnerRegistry partners;

    public SignalStatementController(SignalStatements statements, PartnerRegistry partners) {
        this.statements = statements;
        this.partners = partners;
    }

    @GetMapping(path = "/api/v1/signals/{signalId}/statement", produces = MediaType.APPLICATION_JSON_VALUE)
    public SignalStatement.Signed byId(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable UUID signalId) {
        return statements.byId(partner(caller), signalId);
    }

    @GetMapping(path = "/api/v1/signals/by-reference/{reference}/statement", produces = MediaType.APPLICATION_JSON_VALUE)
    public SignalStatement.Signed byReference(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable String reference) {
        return statements.byReference(partner(caller), reference);
    }

    private Partner partner(OrganisationPrincipal caller) {
        return partners.byId(caller.organisationId()).orElseThrow(() -> new ApiProblemException(ProblemCode.FORBIDDEN));
    }
}
