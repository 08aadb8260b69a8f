package nl.signaalpoort.intake.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.FeedbackService;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.FeedbackItem;
import nl.signaalpoort.store.SignalStatusRepository;
import nl.signaalpoort.store.SignalStatusRepository.StoredStatus;
import nl.signaalpoort.withdrawal.WithdrawalReason;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What became of one of the partner's own signals ({@code GET /api/v1/signals/{signalId}}, or by
 * its reference): accepted when and under which rule set version, delivered when and to which
 * municipality, not deliverable (never why in terms of the resident), or withdrawn, and the
 * feedback it may see so far. Another partner's signal is unknown, as one that does not exist.
 */
@RestController
public class SignalStatusController {

    /** Where the signal is: waiting for delivery, delivered, given up on (a dead letter), or withdrawn by the partner. */
    public enum State {
        ACCEPTED,
        DELIVERED,
        NOT_DELIVERABLE,
        WITHDRAWN
    }

    /** {@code municipalityNotified}: the municipality had (or may have had) the signal and is sent the withdrawal notice. */
    public record WithdrawalStatus(WithdrawalReason reason, Instant withdrawnAt, boolean municipalityNotified) {
    }

    public record RuleSetVersion(String id, String version) {
    }

    /**
     * {@code municipalityCode} and {@code deliveredAt} once delivered (also when withdrawn after);
     * {@code withdrawal} once withdrawn; {@code feedback} oldest first, the last one current.
     */
    public record SignalStatus(UUID signalId, String reference, State state, Instant acceptedAt, RuleSetVersion ruleSet,
            String municipalityCode, Instant deliveredAt, WithdrawalStatus withdrawal, List<FeedbackItem> feedback) {
    }

    private final SignalStatusRepository signals;
    private final FeedbackService feedback;

    public SignalStatusController(SignalStatusRepository signals, FeedbackService feedback) {
        this.signals = signals;
        this.feedback = feedback;
    }

    @GetMapping(path = "/api/v1/signals/{signalId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SignalStatus byId(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable UUID signalId) {
        return status(caller, signals.byId(caller.organisationId(), signalId));
    }

    @GetMapping(path = "/api/v1/signals/by-reference/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SignalStatus byReference(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable String reference) {
        return status(caller, signals.byReference(caller.organisationId(), reference));
    }

    private SignalStatus status(OrganisationPrincipal caller, Optional<StoredStatus> found) {
        StoredStatus s = found.orElseThrow(() -> new ApiProblemException(ProblemCode.UNKNOWN_SIGNAL));
        boolean delivered = "DELIVERED".equals(s.outboxStatus());
        State state = s.withdrawnAt() != null ? State.WITHDRAWN : delivered ? State.DELIVERED
                : "DEAD".equals(s.outboxStatus()) ? State.NOT_DELIVERABLE : State.ACCEPTED;
        WithdrawalStatus withdrawal = s.withdrawnAt() == null ? null
                : new WithdrawalStatus(WithdrawalReason.valueOf(s.withdrawalReason()), s.withdrawnAt(), s.municipalityNotified());
        return new SignalStatus(s.signalId(), s.reference(), state, s.receivedAt(), new RuleSetVersion(s.ruleSetId(), s.ruleSetVersion()),
                delivered ? s.municipalityCode() : null, delivered ? s.deliveredAt() : null, withdrawal,
                feedback.history(caller.organisationId(), s.signalId()));
    }
}
