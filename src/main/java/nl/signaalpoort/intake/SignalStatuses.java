package nl.signaalpoort.intake;

import java.util.Optional;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.FeedbackService;
import nl.signaalpoort.store.SignalStatusRepository;
import nl.signaalpoort.store.SignalStatusRepository.StoredStatus;
import nl.signaalpoort.withdrawal.WithdrawalReason;
import org.springframework.stereotype.Service;

/** Looks up a partner's own signal's {@link SignalStatus}; another partner's signal is unknown, as one that does not exist. */
@Service
public class SignalStatuses {

    private final SignalStatusRepository signals;
    private final FeedbackService feedback;

    public SignalStatuses(SignalStatusRepository signals, FeedbackService feedback) {
        this.signals = signals;
        this.feedback = feedback;
    }

    public SignalStatus byId(String partnerId, UUID signalId) {
        return status(partnerId, signals.byId(partnerId, signalId));
    }

    public SignalStatus byReference(String partnerId, String reference) {
        return status(partnerId, signals.byReference(partnerId, reference));
    }

    private SignalStatus status(String partnerId, Optional<StoredStatus> found) {
        StoredStatus s = found.orElseThrow(() -> new ApiProblemException(ProblemCode.UNKNOWN_SIGNAL));
        boolean delivered = "DELIVERED".equals(s.outboxStatus());
        SignalStatus.State state = s.withdrawnAt() != null ? SignalStatus.State.WITHDRAWN : delivered ? SignalStatus.State.DELIVERED
                : "DEAD".equals(s.outboxStatus()) ? SignalStatus.State.NOT_DELIVERABLE : SignalStatus.State.ACCEPTED;
        SignalStatus.WithdrawalStatus withdrawal = s.withdrawnAt() == null ? null
                : new SignalStatus.WithdrawalStatus(WithdrawalReason.valueOf(s.withdrawalReason()), s.withdrawnAt(), s.municipalityNotified());
        return new SignalStatus(s.signalId(), s.reference(), state, s.receivedAt(),
                new SignalStatus.RuleSetVersion(s.ruleSetId(), s.ruleSetVersion()),
                delivered ? s.municipalityCode() : null, delivered ? s.deliveredAt() : null, withdrawal,
                feedback.history(partnerId, s.signalId()));
    }
}
