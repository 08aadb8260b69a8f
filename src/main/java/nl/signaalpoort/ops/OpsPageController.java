package nl.signaalpoort.ops;

import java.time.Clock;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.DeadLetter;
import nl.signaalpoort.store.DeadLetterRepository;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The operators' page at {@code /ops} (operator certificate), rendered on the server: routes with
 * suspend and resume, municipalities, dead letters with a replay that asks for confirmation,
 * batch files, today's intake and rejections. Every action is audited. Forms carry a CSRF token,
 * because a browser presents the operator's certificate to any page that asks it to.
 */
@Controller
public class OpsPageController {

    private final OpsOverview overview;
    private final RouteControl routes;
    private final DeadLetterRepository deadLetters;
    private final AuditTrail audit;
    private final Clock clock;

    public OpsPageController(OpsOverview overview, RouteControl routes, DeadLetterRepository deadLetters, AuditTrail audit, Clock clock) {
        this.overview = overview;
        this.routes = routes;
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/ops")
    public String page(Model model) {
        model.addAttribute("o", overview.overview());
        return "ops";
    }

    @PostMapping("/ops/routes/{routeId}/suspend")
    public String suspend(@AuthenticationPrincipal OrganisationPrincipal operator, @PathVariable String routeId) {
        routes.suspend(routeId, operator.oin());
        return "redirect:/ops#routes";
    }

    @PostMapping("/ops/routes/{routeId}/resume")
    public String resume(@AuthenticationPrincipal OrganisationPrincipal operator, @PathVariable String routeId) {
        routes.resume(routeId, operator.oin());
        return "redirect:/ops#routes";
    }

    /** Asks before replaying: what will be sent again, to whom. */
    @GetMapping("/ops/dead-letters/{outboxId}/replay")
    public String confirmReplay(@PathVariable long outboxId, Model model) {
        model.addAttribute("letter", deadLetter(outboxId));
        return "ops-replay";
    }

    @PostMapping("/ops/dead-letters/{outboxId}/replay")
    public String replay(@AuthenticationPrincipal OrganisationPrincipal operator, @PathVariable long outboxId) {
        int replayed = deadLetters.replay(List.of(outboxId), clock.instant());
        if (replayed == 0) {
            throw new ApiProblemException(ProblemCode.NOT_FOUND);
        }
        audit.record(AuditEntry.about(AuditEntry.Actor.operator(operator.oin()), AuditAction.DEAD_LETTER_REPLAYED,
                AuditEntry.SubjectType.OUTBOX, Long.toString(outboxId), "entries", replayed, "via", "page"));
        return "redirect:/ops#dead-letters";
    }

    private DeadLetter deadLetter(long outboxId) {
        return deadLetters.deadLetter(outboxId).orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND));
    }
}
