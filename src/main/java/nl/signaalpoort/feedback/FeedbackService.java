package nl.signaalpoort.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.store.FeedbackItem;
import nl.signaalpoort.store.FeedbackRepository;
import nl.signaalpoort.store.LatestOutcome;
import nl.signaalpoort.store.OperationsRepository;
import nl.signaalpoort.store.OutboxRepository;
import nl.signaalpoort.store.SignalOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes municipal outcomes and turns them into the partner's feedback through the privacy filter.
 * A municipality may report only on signals delivered to it; someone else's signal looks the same
 * as an unknown one, so its existence is not revealed. A later outcome supersedes the earlier one
 * (the partner sees the current code and the history); the same report sent twice changes nothing.
 */
@Service
public class FeedbackService {

    /** The outcome the gateway records when it closes a case itself. */
    public static final String AUTO_CLOSED = "AUTO_CLOSED";

    /** The most feedback items one read returns, whatever the channel. */
    public static final int MAX_PAGE = 1_000;

    /** What the municipality and the partner were told. */
    public record Reported(PartnerFeedbackCode partnerCode, LocalDate collectionPausedUntil, boolean repeated) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);

    private final FeedbackRepository repository;
    private final PartnerRegistry partners;
    private final PrivacyFilter filter;
    private final FeedbackProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditTrail audit;
    private final OperationsRepository operations;

    public FeedbackService(FeedbackRepository repository, PartnerRegistry partners, PrivacyFilter filter,
            FeedbackProperties properties, TransactionTemplate transactions, Clock clock, AuditTrail audit,
            OperationsRepository operations) {
        this.operations = operations;
        this.repository = repository;
        this.partners = partners;
        this.filter = filter;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Reported report(OutcomeReporter reporter, OutcomeReport report) {
        SignalOwnership named = repository.ownership(report.signalId())
                .filter(s -> reporter.actsFor(s.municipalityCode()))
                .orElseThrow(() -> new ApiProblemException(ProblemCode.UNKNOWN_SIGNAL));
        if (!OutboxRepository.DELIVERED.equals(named.outboxStatus())) {
            throw new ApiProblemException(ProblemCode.SIGNAL_NOT_DELIVERED);
        }
        // One case, one outcome: an answer by the earlier signal of a continued case goes on its latest signal.
        SignalOwnership signal = repository.caseHead(named);
        Partner partner = partner(signal);
        LocalDate date = report.date() != null ? report.date() : LocalDate.now(clock);
        PartnerFeedbackCode convenant = properties.mapping().get(report.outcome());
        PartnerFeedbackCode code = filter.forPartner(convenant, partner);
        LocalDate pausedUntil = convenant == PartnerFeedbackCode.WANTS_HELP ? date.plus(properties.collectionPause()) : null;
        AuditEntry.Actor municipality = AuditEntry.Actor.municipality(reporter.oin());
        boolean recorded = record(signal, partner, report.outcome().name(), report.finalOutcome(), date, code, pausedUntil,
                AuditEntry.aboutSignal(municipality, AuditAction.OUTCOME_REPORTED, signal.signalId(), "partnerCode", code,
                        "final", report.finalOutcome()),
                // A municipality's retry of the same report: the partner hears nothing new.
                () -> !repository.latestOutcome(signal.signalId()).filter(latest -> latest.outcome().equals(report.outcome().name())
                        && latest.finalOutcome() == report.finalOutcome() && latest.date().equals(date)).isPresent());
        if (!recorded) {
            return new Reported(code, pausedUntil, true);
        }
        LOG.info("outcome municipality={} signal={} outcome={} final={} partnerCode={}", signal.municipalityCode(), signal.signalId(),
                report.outcome(), report.finalOutcome(), code);
        return new Reported(code, pausedUntil, false);
    }

    /**
     * Closes a case that got no final outcome in time: records the gateway's own outcome, gives the
     * partner the configured code, and tells the municipality.
     */
    public boolean autoClose(SignalOwnership signal, Instant now) {
        Partner partner = partner(signal);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        PartnerFeedbackCode code = filter.forPartner(properties.autoClose().partnerCode(), partner);
        boolean closed = Boolean.TRUE.equals(transactions.execute(tx -> {
            // Closed meanwhile (a final outcome came in, or a run on the other node closed it): nothing to do.
            boolean recorded = record(signal, partner, AUTO_CLOSED, true, today, code, null, AuditEntry.aboutSignal(AuditEntry.Actor.GATEWAY,
                    AuditAction.CASE_AUTO_CLOSED, signal.signalId(), "partnerCode", code, "municipality", signal.municipalityCode()),
                    () -> !repository.hasFinalOutcome(signal.signalId()));
            if (recorded) {
                repository.insertNotification(signal.municipalityCode(), signal.signalId(), AUTO_CLOSED, today, now);
            }
            return recorded;
        }));
        if (closed) {
            LOG.info("auto-closed signal={} municipality={} partnerCode={}", signal.signalId(), signal.municipalityCode(), code);
        }
        return closed;
    }

    /**
     * Records an outcome and the partner's feedback item, under the signal's row lock, if
     * {@code stillNeeded} says so once the lock is held. Returns whether it recorded.
     */
    private boolean record(SignalOwnership signal, Partner partner, String outcome, boolean finalOutcome, LocalDate date,
            PartnerFeedbackCode code, LocalDate pausedUntil, AuditEntry entry, java.util.function.BooleanSupplier stillNeeded) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            repository.lockSignal(signal.signalId());
            if (!stillNeeded.getAsBoolean()) {
                return false;
            }
            Long supersedes = repository.latestFeedbackId(signal.signalId()).orElse(null);
            repository.insertOutcome(signal.signalId(), signal.municipalityCode(), outcome, finalOutcome, date, now);
            repository.insertFeedback(partner.id(), signal.signalId(), signal.reference(), code.name(), finalOutcome, date,
                    pausedUntil, supersedes, now);
            audit.record(entry);
            return true;
        }));
    }

    /** Every partner's feedback order row exists before the first outcome needs it. */
    @jakarta.annotation.PostConstruct
    void prepareFeedbackOrder() {
        repository.prepareFeedbackOrder(partners.all().stream().map(Partner::id).toList());
    }

    private Partner partner(SignalOwnership signal) {
        return partner(signal.partnerId());
    }

    private Partner partner(String partnerId) {
        return partners.byId(partnerId).orElseThrow(() -> new IllegalStateException("signal of an unregistered partner"));
    }

    /** A page of the partner's feedback after the cursor: {@code after} from 0, 1 to {@value #MAX_PAGE} items. */
    public List<FeedbackItem> feedback(String partnerId, long after, int limit) {
        if (after < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        List<FeedbackItem> items = repository.feedbackAfter(partnerId, after, limit);
        if (!items.isEmpty()) {
            operations.feedbackRead(partnerId, items.get(items.size() - 1).feedbackId());
            audit.record(AuditEntry.about(AuditEntry.Actor.partner(partner(partnerId).oin()), AuditAction.FEEDBACK_READ,
                    AuditEntry.SubjectType.PARTNER, partnerId, "after", after, "upTo", items.get(items.size() - 1).feedbackId(),
                    "items", items.size()));
        }
        return items;
    }

    /** The history of one of the partner's own signals; empty for anyone else's. */
    public List<FeedbackItem> history(String partnerId, UUID signalId) {
        return repository.feedbackForSignal(partnerId, signalId);
    }
}
