package nl.signaalpoort.ops;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.audit.AuditVerifier;
import nl.signaalpoort.files.Csv;
import nl.signaalpoort.store.AuditRepository;
import nl.signaalpoort.store.AuditRepository.AuditRow;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Operators read the audit trail: a period exported as CSV, everything about one subject, and the
 * check that the sealed chain is intact. Ids and codes only, like the trail itself.
 */
@RestController
public class AuditController {

    /** Periods are Dutch calendar days. */
    static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");
    static final String[] HEADER = {"auditId", "chainSeq", "occurredAt", "actorRole", "actorOin", "action", "subjectType", "subjectId",
            "detail", "entryHash"};

    private final AuditRepository trail;
    private final AuditVerifier verifier;

    public AuditController(AuditRepository trail, AuditVerifier verifier) {
        this.trail = trail;
        this.verifier = verifier;
    }

    /** {@code from} up to and including {@code to} (Dutch days), oldest first, as CSV in the gateway's one dialect. */
    @GetMapping(path = "/ops/v1/audit", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        StreamingResponseBody body = out -> {
            try (Csv.RowWriter csv = Csv.writer(out)) {
                csv.row(HEADER);
                trail.between(from.atStartOfDay(DUTCH).toInstant(), to.plusDays(1).atStartOfDay(DUTCH).toInstant(), row -> {
                    try {
                        csv.row(cells(row));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + from + "-" + to + ".csv\"")
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8")).body(body);
    }

    @GetMapping(path = "/ops/v1/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditVerifier.Verdict verify() {
        return verifier.verify();
    }

    @GetMapping(path = "/ops/v1/audit/subjects/{subjectId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AuditRow> about(@PathVariable String subjectId) {
        return trail.about(subjectId);
    }

    static String[] cells(AuditRow row) {
        return new String[] {Long.toString(row.auditId()), row.chainSeq() == null ? null : row.chainSeq().toString(),
                row.occurredAt().toString(), row.actorRole(), row.actorOin(), row.action(), row.subjectType(), row.subjectId(),
                row.detail(), row.entryHash()};
    }
}
