package nl.signaalpoort.feedback.rest;

import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.FeedbackRepository;
import nl.signaalpoort.store.MunicipalNotification;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/notifications?after=N}: what a municipality (or a shared-service team, for each of its municipalities) is told about its signals, such as a case closed automatically. */
@RestController
public class NotificationController {

    /** One page; pass {@code cursor} as {@code after} to read on. */
    public record NotificationPage(List<MunicipalNotification> items, long cursor) {
    }

    private final FeedbackRepository repository;

    public NotificationController(FeedbackRepository repository) {
        this.repository = repository;
    }

    @GetMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    public NotificationPage read(@AuthenticationPrincipal OrganisationPrincipal caller,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        if (after < 0 || limit < 1 || limit > 1_000) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        List<MunicipalNotification> items = repository.notificationsAfter(caller.municipalities(), after, limit);
        return new NotificationPage(items, items.isEmpty() ? after : items.get(items.size() - 1).notificationId());
    }
}
