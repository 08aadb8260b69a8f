package nl.signaalpoort.ops;

import java.time.Clock;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.DeadLetter;
import nl.signaalpoort.store.DeadLetterRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of deliveries that gave up, and their replay: ids, municipality, attempts and
 * error class only. Behind an operator client certificate, on the API port.
 */
@RestController
public class DeadLetterController {

    /** How many entries were put back in the queue. */
    public record ReplayResult(int replayed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterController.class);
    private static final int MAX_LIMIT = 1_000;

    private final DeadLetterRepository deadLetters;
    private final Clock clock;
    private final AuditTrail audit;

    public DeadLetterController(DeadLetterRepository deadLetters, Clock clock, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping(path = "/ops/v1/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<DeadLetter> list(@RequestParam(required = false) String municipality, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT || (municipality != null && !Municipality.isCode(municipality))) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        return deadLetters.deadLetters(municipality, limit);
    }

    @PostMapping(path = "/ops/v1/dead-letters/{outboxId}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReplayResult replay(@AuthenticationPrincipal OrganisationPrincipal operator, @PathVariable long outboxId) {
        int replayed = deadLetters.replay(List.of(outboxId), clock.instant());
        if (replayed == 0) {
            throw new ApiProblemException(ProblemCode.NOT_FOUND);
        }
        audit.record(AuditEntry.about(AuditEntry.Actor.operator(operator.oin()), AuditAction.DEAD_LETTER_REPLAYED,
                AuditEntry.SubjectType.OUTBOX, Long.toString(outboxId), "entries", replayed));
        LOG.info("replay operator={} outboxId={}", operator.organisationId(), outboxId);
        return new ReplayResult(replayed);
    }

    @PostMapping(path = "/ops/v1/dead-letters/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReplayResult replayMunicipality(@AuthenticationPrincipal OrganisationPrincipal operator, @RequestParam String municipality) {
        if (!Municipality.isCode(municipality)) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        int replayed = deadLetters.replayMunicipality(municipality, clock.instant());
        audit.record(AuditEntry.about(AuditEntry.Actor.operator(operator.oin()), AuditAction.DEAD_LETTER_REPLAYED,
                AuditEntry.SubjectType.OUTBOX, "municipality:" + municipality, "entries", replayed));
        LOG.info("replay operator={} municipality={} entries={}", operator.organisationId(), municipality, replayed);
        return new ReplayResult(replayed);
    }
}
