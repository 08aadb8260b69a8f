package nl.signaalpoort.monitor.rest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.MonthParameter;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.monitor.DdasDocument;
import nl.signaalpoort.monitor.DdasExport;
import nl.signaalpoort.monitor.MonitorAudit;
import nl.signaalpoort.security.OrganisationPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/monitor/ddas/{period}}: a municipality's month in the DDAS-Vroegsignalering
 * model, for its own certificate (or its shared-service team's, naming the municipality). The
 * body is the model's document and nothing else; where the pages are is in the headers.
 */
@RestController
public class MonitorExportController {

    static final String PATH = "/api/v1/monitor/ddas/";
    static final String PAGE_HEADER = "X-Pagination-Page";
    static final String PAGES_HEADER = "X-Pagination-Count";
    static final String WITHHELD_HEADER = "Signaalpoort-Withheld-Signals";

    private final DdasExport export;
    private final MonitorAudit audit;

    public MonitorExportController(DdasExport export, MonitorAudit audit) {
        this.export = export;
        this.audit = audit;
    }

    @GetMapping(path = PATH + "{period}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DdasDocument> month(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable String period,
            @RequestParam(required = false) String municipality, @RequestParam(defaultValue = "1") int page) {
        YearMonth month = MonthParameter.parse(period);
        String code = municipality(caller, municipality);
        if (page < 1) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        if (!export.hasEnded(month)) {
            throw new ApiProblemException(ProblemCode.PERIOD_NOT_ENDED);
        }
        DdasExport.Page result = export.page(code, month, page);
        if (result == null) {
            throw new ApiProblemException(ProblemCode.NOT_FOUND);
        }
        audit.exported(caller.oin(), code, month, result, MonitorAudit.Channel.REST);
        return ResponseEntity.ok()
                .header(PAGE_HEADER, Integer.toString(result.number()))
                .header(PAGES_HEADER, Integer.toString(result.pages()))
                .header(WITHHELD_HEADER, Integer.toString(result.withheld()))
                .header(HttpHeaders.LINK, links(month, code, municipality != null, result).toArray(String[]::new))
                .body(result.document());
    }

    /** The municipality asked for, which must be one the caller acts for; implied when it acts for one only. */
    private static String municipality(OrganisationPrincipal caller, String asked) {
        if (asked == null) {
            if (caller.municipalities().size() != 1) {
                throw new ApiProblemException(ProblemCode.MUNICIPALITY_REQUIRED);
            }
            return caller.municipalities().iterator().next();
        }
        if (!caller.municipalities().contains(asked)) {
            throw new ApiProblemException(ProblemCode.FORBIDDEN);
        }
        return asked;
    }

    /** RFC 8288 links to the neighbouring pages and the last, with the same parameters. */
    private static List<String> links(YearMonth month, String code, boolean named, DdasExport.Page page) {
        List<String> links = new ArrayList<>();
        if (page.number() > 1) {
            links.add(link(month, code, named, page.number() - 1, "prev"));
        }
        if (page.number() < page.pages()) {
            links.add(link(month, code, named, page.number() + 1, "next"));
        }
        links.add(link(month, code, named, page.pages(), "last"));
        return links;
    }

    private static String link(YearMonth month, String code, boolean named, int page, String rel) {
        return "<" + PATH + month + "?" + (named ? "municipality=" + code + "&" : "") + "page=" + page + ">; rel=\"" + rel + "\"";
    }
}
