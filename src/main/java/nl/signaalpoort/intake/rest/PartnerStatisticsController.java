package nl.signaalpoort.intake.rest;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.intake.IntakeTally;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.PartnerStatisticsRepository;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/partners/me/statistics?month=yyyy-MM}: what the gateway knows about the
 * partner's own deliveries in a month (Dutch time): signals received by result, rejections by
 * reason code, warnings by code, how many of the month's signals were delivered, are still to be
 * delivered, did not reach the municipality or were withdrawn before delivery, and the feedback
 * codes dated in the month. Counts
 * only: nothing about a resident. Intake counts lag by at most one flush of the intake tally.
 */
@RestController
public class PartnerStatisticsController {

    public record PartnerStatistics(YearMonth month, Map<String, Long> received, Map<String, Long> rejectionReasons,
            Map<String, Long> warnings, Map<String, Long> deliveries, Map<String, Long> feedback) {
    }

    private final PartnerStatisticsRepository repository;
    private final Clock clock;

    public PartnerStatisticsController(PartnerStatisticsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/partners/me/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerStatistics month(@AuthenticationPrincipal OrganisationPrincipal caller, @RequestParam(required = false) String month) {
        YearMonth now = YearMonth.from(clock.instant().atZone(IntakeTally.DUTCH));
        YearMonth asked;
        try {
            asked = month == null ? now : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        if (asked.isAfter(now)) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        String partner = caller.organisationId();
        Map<String, Map<String, Long>> intake = repository.intake(partner, asked.atDay(1), asked.atEndOfMonth());
        Map<String, Long> states = repository.deliveries(partner, asked.atDay(1).atStartOfDay(IntakeTally.DUTCH).toInstant(),
                asked.plusMonths(1).atDay(1).atStartOfDay(IntakeTally.DUTCH).toInstant());
        Map<String, Long> deliveries = Map.of("DELIVERED", states.getOrDefault("DELIVERED", 0L),
                "PENDING", states.getOrDefault("PENDING", 0L), "NOT_DELIVERABLE", states.getOrDefault("DEAD", 0L),
                "WITHDRAWN", states.getOrDefault("WITHDRAWN", 0L));
        return new PartnerStatistics(asked, intake.getOrDefault(IntakeTally.STATUS, Map.of()), intake.getOrDefault(IntakeTally.REASON, Map.of()),
                intake.getOrDefault(IntakeTally.WARNING, Map.of()), new java.util.TreeMap<>(deliveries),
                repository.feedback(partner, asked.atDay(1), asked.atEndOfMonth()));
    }
}
