package nl.signaalpoort.feedback.rest;

import java.util.List;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.FeedbackService;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.FeedbackItem;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/feedback?after=N}: a partner reads its own feedback, oldest first, from a cursor. */
@RestController
public class FeedbackController {

    private final FeedbackService feedback;

    public FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** The current code of one of the partner's signals and every change, oldest first. */
    public record SignalFeedback(UUID signalId, String reference, FeedbackItem current, List<FeedbackItem> history) {
    }

    @GetMapping(path = "/api/v1/feedback/signals/{signalId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SignalFeedback history(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable UUID signalId) {
        List<FeedbackItem> history = feedback.history(caller.organisationId(), signalId);
        if (history.isEmpty()) {
            throw new ApiProblemException(ProblemCode.UNKNOWN_SIGNAL);
        }
        return new SignalFeedback(signalId, history.get(0).reference(), history.get(history.size() - 1), history);
    }

    @GetMapping(path = "/api/v1/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
    public FeedbackPage read(@AuthenticationPrincipal OrganisationPrincipal caller,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        List<FeedbackItem> items = feedback.feedback(caller.organisationId(), after, limit);
        long cursor = items.isEmpty() ? after : items.get(items.size() - 1).feedbackId();
        return new FeedbackPage(items, cursor);
    }
}
