package nl.signaalpoort.feedback.rest;

import java.time.Clock;
import nl.signaalpoort.feedback.FeedbackService;
import nl.signaalpoort.feedback.OutcomeReport;
import nl.signaalpoort.feedback.OutcomeReports;
import nl.signaalpoort.security.OrganisationPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/outcomes}: a municipality reports the outcome of a signal it received. */
@RestController
public class OutcomeController {

    private final FeedbackService feedback;
    private final Clock clock;

    public OutcomeController(FeedbackService feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/outcomes", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public OutcomeResponse report(@AuthenticationPrincipal OrganisationPrincipal caller, @RequestBody OutcomeRequest request) {
        OutcomeReport report = OutcomeReports.of(request.signalId(), request.outcome(), request.finalOutcome(), request.date(), clock);
        FeedbackService.Reported reported = feedback.report(caller.organisationId(), report);
        return new OutcomeResponse(request.signalId(), report.outcome().name(), report.finalOutcome(), reported.partnerCode().name(),
                reported.collectionPausedUntil(), reported.repeated());
    }
}
