package nl.signaalpoort.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.store.ContactDataNoticeRepository;
import nl.signaalpoort.store.FeedbackRepository;
import nl.signaalpoort.store.OutboxRepository;
import nl.signaalpoort.store.SignalOwnership;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A municipality's notice that a delivered signal's contact data is wrong or the resident no
 * longer lives at the address: not an outcome, and passed on only to partners registered to
 * receive it under a named legal basis ({@link Partner.ContactDataNotices}); for any other
 * partner it is audited and goes no further. The partner hears the signal id, its reference and
 * the date, never which contact data or why.
 */
@Component
public class ContactDataNotices {

    /** {@code passedOn}: the partner receives it; {@code repeated}: it had been given before. */
    public record Noted(UUID signalId, boolean passedOn, boolean repeated) {
    }

    private final FeedbackRepository signals;
    private final ContactDataNoticeRepository notices;
    private final PartnerRegistry partners;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public ContactDataNotices(FeedbackRepository signals, ContactDataNoticeRepository notices, PartnerRegistry partners,
            TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.signals = signals;
        this.notices = notices;
        this.partners = partners;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of a partner's notices; pass {@code cursor} as {@code after} to read on. */
    public record Page(List<ContactDataNoticeRepository.ContactDataNotice> items, long cursor) {
    }

    /**
     * A registered partner's notices after the cursor, 1 to 1,000; any other partner is refused
     * ({@code FORBIDDEN}: it has no agreement to hear them).
     */
    public Page read(String partnerId, long after, int limit) {
        Partner partner = partners.byId(partnerId).orElseThrow(() -> new ApiProblemException(ProblemCode.FORBIDDEN));
        if (!partner.receivesContactDataNotices()) {
            throw new ApiProblemException(ProblemCode.FORBIDDEN);
        }
        if (after < 0 || limit < 1 || limit > FeedbackService.MAX_PAGE) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        List<ContactDataNoticeRepository.ContactDataNotice> items = notices.after(partner.id(), after, limit);
        return new Page(items, items.isEmpty() ? after : items.get(items.size() - 1).noticeId());
    }

    public Noted note(OutcomeReporter reporter, UUID signalId) {
        SignalOwnership signal = signals.ownership(signalId).filter(s -> reporter.actsFor(s.municipalityCode()))
                .orElseThrow(() -> new ApiProblemException(ProblemCode.UNKNOWN_SIGNAL));
        if (!OutboxRepository.DELIVERED.equals(signal.outboxStatus())) {
            throw new ApiProblemException(ProblemCode.SIGNAL_NOT_DELIVERED);
        }
        Partner partner = partners.byId(signal.partnerId()).orElseThrow(() -> new IllegalStateException("signal of an unregistered partner"));
        boolean passedOn = partner.receivesContactDataNotices();
        return transactions.execute(tx -> {
            signals.lockSignal(signalId);
            boolean repeated = passedOn && notices.exists(signalId);
            if (passedOn && !repeated) {
                notices.insert(partner.id(), signalId, signal.reference(), LocalDate.now(clock), clock.instant());
            }
            if (!repeated) {
                audit.record(AuditEntry.aboutSignal(AuditEntry.Actor.municipality(reporter.oin()), AuditAction.CONTACT_DATA_NOTICE, signalId,
                        "municipality", signal.municipalityCode(), "partner", partner.id(), "passedOn", passedOn));
            }
            return new Noted(signalId, passedOn, repeated);
        });
    }
}
