package nl.signaalpoort.feedback.rest;

import java.util.List;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.ContactDataNotices;
import nl.signaalpoort.feedback.OutcomeReporter;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.ContactDataNoticeRepository;
import nl.signaalpoort.store.ContactDataNoticeRepository.ContactDataNotice;
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

    /** One page; pass {@code cursor} as {@code after} to read on. */
    public record ContactDataNoticePage(List<ContactDataNotice> items, long cursor) {
    }

    private final ContactDataNotices notices;
    private final ContactDataNoticeRepository repository;
    private final PartnerRegistry partners;

    public ContactDataNoticeController(ContactDataNotices notices, ContactDataNoticeRepository repository, PartnerRegistry partners) {
        this.notices = notices;
        this.repository = repository;
        this.partners = partners;
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
    public ContactDataNoticePage read(@AuthenticationPrincipal OrganisationPrincipal caller,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        Partner partner = partners.byId(caller.organisationId()).orElseThrow(() -> new ApiProblemException(ProblemCode.FORBIDDEN));
        if (!partner.receivesContactDataNotices()) {
            throw new ApiProblemException(ProblemCode.FORBIDDEN);
        }
        if (after < 0 || limit < 1 || limit > 1_000) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        List<ContactDataNotice> items = repository.after(partner.id(), after, limit);
        return new ContactDataNoticePage(items, items.isEmpty() ? after : items.get(items.size() - 1).noticeId());
    }
}
