package nl.signaalpoort.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.store.FeedbackItem;
import nl.signaalpoort.store.FeedbackRepository;
import nl.signaalpoort.store.OutboxRepository;
import nl.signaalpoort.store.SignalOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes municipal outcomes and turns them into the partner's feedback through the privacy filter.
 * A municipality may report only on signals delivered to it; someone else's signal looks the same
 * as an unknown one, so its existence is not revealed.
 */
@Service
public class FeedbackService {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);

    private final FeedbackRepository repository;
    private final PartnerRegistry partners;
    private final PrivacyFilter filter;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public FeedbackService(FeedbackRepository repository, PartnerRegistry partners, PrivacyFilter filter,
            TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.partners = partners;
        this.filter = filter;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records the outcome and the partner's feedback in one transaction; returns the partner code. */
    public PartnerFeedbackCode report(String municipalityCode, OutcomeReport report) {
        SignalOwnership signal = repository.ownership(report.signalId())
                .filter(s -> s.municipalityCode().equals(municipalityCode))
                .orElseThrow(() -> new ApiProblemException(ProblemCode.UNKNOWN_SIGNAL));
        if (!OutboxRepository.DELIVERED.equals(signal.outboxStatus())) {
            throw new ApiProblemException(ProblemCode.SIGNAL_NOT_DELIVERED);
        }
        Partner partner = partners.byId(signal.partnerId())
                .orElseThrow(() -> new IllegalStateException("signal of an unregistered partner"));
        PartnerFeedbackCode code = filter.partnerCode(report.outcome(), partner);
        Instant now = clock.instant();
        LocalDate date = report.date() != null ? report.date() : LocalDate.now(clock);
        transactions.executeWithoutResult(tx -> {
            repository.insertOutcome(signal.signalId(), municipalityCode, report.outcome().name(), report.finalOutcome(), date, now);
            repository.insertFeedback(partner.id(), signal.signalId(), signal.reference(), code.name(), report.finalOutcome(), date, now);
        });
        LOG.info("outcome municipality={} signal={} outcome={} partnerCode={}", municipalityCode, signal.signalId(),
                report.outcome(), code);
        return code;
    }

    public List<FeedbackItem> feedback(String partnerId, long after, int limit) {
        return repository.feedbackAfter(partnerId, after, limit);
    }
}
