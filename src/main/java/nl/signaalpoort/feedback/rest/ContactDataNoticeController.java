package nl.signaalpoort.feedback.rest;

import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.ContactDataNotices;
import nl.signaalpoort.feedback.OutcomeReporter;
import nl.signaalpoort.security.OrganisationPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact-data notices: a municipality gives one ({@code POST /api/v1/contact-data-notices}); a
 * partner registered to receive them reads its own from a cursor
 * ({@code GET /api/v1/partners/me/contact-data-notices?after=N}).
 */
@RestController
public class ContactDataNoticeController {

    public record ContactDataNoticeRequest(UUID signalId) {
    }

    private final ContactDataNotices notices;

    public ContactDataNoticeController(ContactDataNotices notices) {
        this.notices = notices;
    }

    @PostMapping(path = "/api/v1/contact-data-notices", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ContactDataNotices.Noted give(@AuthenticationPrincipal OrganisationPrincipal caller, @RequestBody ContactDataNoticeRequest request) {
        if (request == null || request.signalId() == null) {
            throw new ApiProblemException(ProblemCode.MISSING_SIGNAL_ID);
        }
        return notices.note(new OutcomeReporter(caller.oin(), caller.municipalities()), request.signalId());
    }

    @GetMapping(path = "/api/v1/partners/me/contact-data-notices", produces = MediaType.APPLICATION_JSON_VALUE)
    public ContactDataNotices.Page read(@AuthenticationPrincipal OrganisationPrincipal caller,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        return notices.read(caller.organisationId(), after, limit);
    }
}
