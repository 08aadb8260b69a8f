package nl.signaalpoort.statistics.rest;

import java.time.YearMonth;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.MonthParameter;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.statistics.PartnerStatistics;
import nl.signaalpoort.statistics.PartnerStatisticsReport;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/partners/me/statistics?month=yyyy-MM}: the partner's {@link PartnerStatistics}
 * for a month, the current one by default (so far). Intake counts lag by at most one flush of the
 * intake tally.
 */
@RestController
public class PartnerStatisticsController {

    private final PartnerStatisticsReport report;

    public PartnerStatisticsController(PartnerStatisticsReport report) {
        this.report = report;
    }

    @GetMapping(path = "/api/v1/partners/me/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerStatistics month(@AuthenticationPrincipal OrganisationPrincipal caller, @RequestParam(required = false) String month) {
        YearMonth now = report.currentMonth();
        YearMonth asked = month == null ? now : MonthParameter.parse(month);
        if (asked.isAfter(now)) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        return report.month(caller.organisationId(), asked);
    }
}
