package nl.signaalpoort.feedback.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.FeedbackService;
import nl.signaalpoort.feedback.MunicipalOutcome;
import nl.signaalpoort.feedback.OutcomeReport;
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
        if (request.signalId() == null) {
            throw new ApiProblemException(ProblemCode.MISSING_SIGNAL_ID);
        }
        if (request.date() != null && request.date().isAfter(LocalDate.now(clock))) {
            throw new ApiProblemException(ProblemCode.INVALID_OUTCOME_DATE);
        }
        MunicipalOutcome outcome = Arrays.stream(MunicipalOutcome.values())
                .filter(o -> o.name().equals(request.outcome()))
                .findFirst()
                .orElseThrow(() -> new ApiProblemException(ProblemCode.UNKNOWN_OUTCOME));
        boolean finalOutcome = request.finalOutcome() == null || request.finalOutcome();
        FeedbackService.Reported reported = feedback.report(caller.organisationId(),
                new OutcomeReport(request.signalId(), outcome, finalOutcome, request.date()));
        return new OutcomeResponse(request.signalId(), outcome.name(), finalOutcome, reported.partnerCode().name(),
                reported.collectionPausedUntil(), reported.repeated());
    }
}
