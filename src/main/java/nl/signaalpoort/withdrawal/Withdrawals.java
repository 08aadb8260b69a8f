package nl.signaalpoort.withdrawal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.store.FeedbackRepository;
import nl.signaalpoort.store.OutboxRepository;
import nl.signaalpoort.store.SignalStatusEventRepository;
import nl.signaalpoort.store.SignalStatusRepository;
import nl.signaalpoort.store.SignalStatusRepository.StoredStatus;
import nl.signaalpoort.store.WithdrawalRepository;
import nl.signaalpoort.store.WithdrawalRepository.SignalEntry;
import nl.signaalpoort.store.WithdrawalRepository.StoredWithdrawal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner withdraws one of its signals, the same for every channel. A signal never sent to its
 * municipality is not delivered. One the municipality has, or may have (a delivery was attempted,
 * even one that failed), gets a withdrawal notice through the municipality's channel, behind the
 * signal in its order, and its case closes with the gateway's own outcome {@value #WITHDRAWN}
 * (no partner feedback: the partner withdrew it), so it is never auto-closed as "not reached". The
 * same withdrawal again changes nothing and answers as the first did.
 */
@Service
public class Withdrawals {

    /** The internal outcome of a case closed because its signal was withdrawn. */
    public static final String WITHDRAWN = "WITHDRAWN";

    /** {@code municipalityNotified}: a notice goes to the municipality; {@code repeated}: withdrawn before. */
    public record Withdrawal(UUID signalId, String reference, WithdrawalReason reason, Instant withdrawnAt, boolean municipalityNotified,
            boolean repeated) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Withdrawals.class);

    private final SignalStatusRepository signals;
    private final WithdrawalRepository withdrawals;
    private final FeedbackRepository cases;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final SignalStatusEventRepository statusEvents;

    public Withdrawals(SignalStatusRepository signals, WithdrawalRepository withdrawals, FeedbackRepository cases,
            TransactionTemplate transactions, AuditTrail audit, Clock clock, SignalStatusEventRepository statusEvents) {
        this.statusEvents = statusEvents;
        this.signals = signals;
        this.withdrawals = withdrawals;
        this.cases = cases;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Withdrawal byId(Partner partner, UUID signalId, WithdrawalReason reason) {
        return withdraw(partner, signals.byId(partner.id(), signalId), reason);
    }

    public Withdrawal byReference(Partner partner, String reference, WithdrawalReason reason) {
        return withdraw(partner, signals.byReference(partner.id(), reference), reason);
    }

    private Withdrawal withdraw(Partner partner, Optional<StoredStatus> found, WithdrawalReason reason) {
        if (reason == null) {
            throw new ApiProblemException(ProblemCode.UNKNOWN_WITHDRAWAL_REASON);
        }
        // Another partner's signal is unknown, as one that does not exist.
        StoredStatus signal = found.orElseThrow(() -> new ApiProblemException(ProblemCode.UNKNOWN_SIGNAL));
        Withdrawal withdrawal = transactions.execute(tx -> {
            cases.lockSignal(signal.signalId());
            Optional<StoredWithdrawal> earlier = withdrawals.find(signal.signalId());
            if (earlier.isPresent()) {
                StoredWithdrawal w = earlier.get();
                return new Withdrawal(w.signalId(), signal.reference(), WithdrawalReason.valueOf(w.reason()), w.withdrawnAt(), w.notified(), true);
            }
            Instant now = clock.instant();
            SignalEntry entry = withdrawals.lockSignalEntry(signal.signalId())
                    .orElseThrow(() -> new IllegalStateException("accepted signal without its outbox entry"));
            boolean notified = entry.sent() || OutboxRepository.DELIVERED.equals(entry.status());
            if (!entry.sent() || OutboxRepository.DEAD.equals(entry.status())) {
                // Never sent: not sent now. A dead letter: not replayed. A sent delivery waiting for its retry goes
                // on unchanged (its batch stays the same under its Idempotency-Key), and the notice follows it.
                withdrawals.keepFromDelivery(signal.signalId());
            }
            withdrawals.insert(signal.signalId(), partner.id(), reason.name(), notified, now);
            statusEvents.withdrawn(partner.id(), signal.signalId(), signal.reference(), now);
            if (notified) {
                withdrawals.queueNotice(signal.signalId(), entry, now);
                if (!cases.hasFinalOutcome(signal.signalId())) {
                    cases.insertOutcome(signal.signalId(), entry.municipalityCode(), WITHDRAWN, true, LocalDate.ofInstant(now, clock.getZone()), now);
                }
            }
            audit.record(AuditEntry.aboutSignal(AuditEntry.Actor.partner(partner.oin()), AuditAction.SIGNAL_WITHDRAWN, signal.signalId(),
                    "reason", reason, "municipalityNotified", notified));
            return new Withdrawal(signal.signalId(), signal.reference(), reason, now, notified, false);
        });
        if (!withdrawal.repeated()) {
            LOG.info("withdrawn signal={} partner={} reason={} municipalityNotified={}", withdrawal.signalId(), partner.id(), reason,
                    withdrawal.municipalityNotified());
        }
        return withdrawal;
    }
}
