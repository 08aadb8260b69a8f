package nl.signaalpoort.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.store.FeedbackItem;
import nl.signaalpoort.withdrawal.WithdrawalReason;

/**
 * What became of one of a partner's signals, the same over every channel: accepted when and under
 * which rule set version, delivered when and to which municipality (also when withdrawn after),
 * not deliverable (never why in terms of the resident), or withdrawn, and the feedback the partner
 * may see, oldest first, the last one current.
 */
public record SignalStatus(UUID signalId, String reference, State state, Instant acceptedAt, RuleSetVersion ruleSet,
        String municipalityCode, Instant deliveredAt, WithdrawalStatus withdrawal, List<FeedbackItem> feedback) {

    /** Where the signal is: waiting for delivery, delivered, given up on (a dead letter), or withdrawn by the partner. */
    public enum State {
        ACCEPTED,
        DELIVERED,
        NOT_DELIVERABLE,
        WITHDRAWN
    }

    public record RuleSetVersion(String id, String version) {
    }

    /** {@code municipalityNotified}: the municipality had (or may have had) the signal and is sent the withdrawal notice. */
    public record WithdrawalStatus(WithdrawalReason reason, Instant withdrawnAt, boolean municipalityNotified) {
    }
}
