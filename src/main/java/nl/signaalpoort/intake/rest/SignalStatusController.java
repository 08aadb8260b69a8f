package nl.signaalpoort.intake.rest;

import java.util.UUID;
import nl.signaalpoort.intake.SignalStatus;
import nl.signaalpoort.intake.SignalStatuses;
import nl.signaalpoort.security.OrganisationPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What became of one of the partner's own signals: {@code GET /api/v1/signals/{signalId}}, or by its reference ({@link SignalStatus}). */
@RestController
public class SignalStatusController {

    private final SignalStatuses statuses;

    public SignalStatusController(SignalStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping(path = "/api/v1/signals/{signalId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SignalStatus byId(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable UUID signalId) {
        return statuses.byId(caller.organisationId(), signalId);
    }

    @GetMapping(path = "/api/v1/signals/by-reference/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SignalStatus byReference(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable String reference) {
        return statuses.byReference(caller.organisationId(), reference);
    }
}
