package nl.signaalpoort.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRuleSets;
import nl.signaalpoort.pseudonym.PersonPseudonymiser;
import nl.signaalpoort.routing.DeliverySchedule;
import nl.signaalpoort.routing.MunicipalityResolver;
import nl.signaalpoort.routing.Urgency;
import nl.signaalpoort.rules.RuleEngine;
import nl.signaalpoort.rules.RuleSet;
import nl.signaalpoort.rules.RuleVerdict;
import nl.signaalpoort.signal.Pseudonyms;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.store.NewSignal;
import nl.signaalpoort.store.SignalRepository;
import nl.signaalpoort.store.StoredReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one spine every channel feeds: normalise, route, check rules, pseudonymise, then store the
 * accepted signals with their receipts and outbox entries in one transaction. Receipts come back
 * in the order the signals came in.
 *
 * <p>In two steps, so a batch file's next chunk can be made ready while the one before is being
 * stored: {@link #prepare} does everything that needs no database ({@link AloneJudge}: normalising,
 * routing, pseudonyms, sealing the personal data under the signal's new id); {@link #complete} does the rest
 * in the order the guarantees need: earlier receipts first (idempotency), then the rules (whose
 * history look-up sees every chunk stored before), then the one transaction. {@link #submit} is
 * both at once.
 */
@Component
public class IntakePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(IntakePipeline.class);

    private final MunicipalityResolver resolver;
    private final RuleEngine rules;
    private final PartnerRuleSets ruleSets;
    private final PersonPseudonymiser pseudonymiser;
    private final SignalRepository signals;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final IntakeMetrics metrics;
    private final AuditTrail audit;
    private final IntakeTally tally;
    private final DataQualityWarnings dataQuality;
    private final UpdatedCases updatedCases;
    private final AloneJudge judge;

    public IntakePipeline(MunicipalityResolver resolver, RuleEngine rules, PartnerRuleSets ruleSets,
            PersonPseudonymiser pseudonymiser, SignalRepository signals, TransactionTemplate transactions,
            Clock clock, MeterRegistry meters, AuditTrail audit, IntakeTally tally, DataQualityWarnings dataQuality,
            UpdatedCases updatedCases, AloneJudge judge) {
        this.judge = judge;
        this.tally = tally;
        this.dataQuality = dataQuality;
        this.updatedCases = updatedCases;
        this.resolver = resolver;
        this.rules = rules;
        this.ruleSets = ruleSets;
        this.pseudonymiser = pseudonymiser;
        this.signals = signals;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = new IntakeMetrics(meters);
        this.audit = audit;
    }

    /** Submissions as far as intake gets without the database; hand to {@link #complete}. */
    public static final class Prepared {
        private final Partner partner;
        private final Channel channel;
        private final List<Submission> submissions;
        private final List<AloneJudge.Alone> judged;
        private final long nanos;
        private final IntakeMode mode;

        private Prepared(Partner partner, Channel channel, List<Submission> submissions, List<AloneJudge.Alone> judged, long nanos, IntakeMode mode) {
            this.partner = partner;
            this.channel = channel;
            this.submissions = submissions;
            this.judged = judged;
            this.nanos = nanos;
            this.mode = mode;
        }
    }


    /** A signal that passed every check, waiting to be stored. */
    private record Candidate(int index, AloneJudge.Alone alone, List<Rejection> warnings) {

        Signal signal() {
            return alone.signal();
        }
    }

    public List<Receipt> submit(Partner partner, Channel channel, List<Submission> submissions) {
        return complete(prepare(partner, channel, submissions));
    }

    public List<Receipt> submit(Partner partner, Channel channel, List<Submission> submissions, IntakeMode mode) {
        return complete(prepare(partner, channel, submissions, mode));
    }

    public Prepared prepare(Partner partner, Channel channel, List<Submission> submissions) {
        return prepare(partner, channel, submissions, IntakeMode.SUBMIT);
    }

    public Prepared prepare(Partner partner, Channel channel, List<Submission> submissions, IntakeMode mode) {
        long start = System.nanoTime();
        List<AloneJudge.Alone> judged = new ArrayList<>(submissions.size());
        MunicipalityResolver.Day routing = resolver.today();
        for (Submission submission : submissions) {
            judged.add(submission.bindingProblems().isEmpty() && submission.signal() != null ? judge.judge(submission.signal(), routing) : null);
        }
        return new Prepared(partner, channel, submissions, judged, System.nanoTime() - start, mode);
    }

    public List<Receipt> complete(Prepared prepared) {
        long start = System.nanoTime();
        try {
            return completeTimed(prepared.partner, prepared.channel, prepared.submissions, prepared.judged, prepared.mode);
        } finally {
            if (prepared.mode == IntakeMode.SUBMIT) {
                metrics.took(prepared.channel, prepared.nanos + System.nanoTime() - start);
            }
        }
    }

    private List<Receipt> completeTimed(Partner partner, Channel channel, List<Submission> submissions, List<AloneJudge.Alone> judged, IntakeMode mode) {
        Receipt[] receipts = new Receipt[submissions.size()];
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        RuleSet ruleSet = ruleSets.ruleSetFor(partner);
        // Idempotency comes first: a reference accepted before gets its original receipt, even if
        // the rules or the postcode table changed since, and whatever the resent content says.
        Map<String, StoredReceipt> earlier = signals.findReceipts(partner.id(),
                submissions.stream().map(Submission::reference).filter(r -> r != null).distinct().toList());
        for (int i = 0; i < submissions.size(); i++) {
            Submission submission = submissions.get(i);
            if (submission.reference() != null && !seen.add(submission.reference())) {
                receipts[i] = Receipt.rejected(submission.reference(), List.of(Rejection.of(ReasonCode.DUPLICATE_IN_REQUEST, "reference")));
                continue;
            }
            StoredReceipt previous = submission.reference() == null ? null : earlier.get(submission.reference());
            if (previous != null) {
                receipts[i] = Receipt.accepted(previous.reference(), previous.signalId(), true);
                continue;
            }
            List<Rejection> problems = new ArrayList<>(submission.bindingProblems());
            Candidate candidate = problems.isEmpty() ? check(i, judged.get(i), partner, ruleSet, problems) : null;
            if (candidate == null) {
                receipts[i] = Receipt.rejected(submission.reference(), problems);
            } else {
                candidates.put(candidate.signal().reference(), candidate);
            }
        }
        Map<String, SignalRepository.CaseLink> cases = updatedCases(partner, candidates, receipts);
        if (mode == IntakeMode.DRY_RUN) {
            candidates.values().forEach(c -> receipts[c.index()] = Receipt.accepted(c.signal().reference(), null, false, c.warnings()));
            List<Receipt> result = List.of(receipts);
            LOG.info("intake dry run partner={} channel={} signals={} would be accepted={}", partner.id(), channel.label(), result.size(),
                    candidates.size());
            return result;
        }
        if (!candidates.isEmpty()) {
            store(partner, channel, ruleSet, candidates, cases, receipts);
        }
        List<Receipt> result = List.of(receipts);
        audit.record(IntakeAudit.rejected(partner, channel, result));
        metrics.count(partner.id(), channel, result);
        tally.count(partner.id(), channel, result);
        LOG.info("intake partner={} channel={} signals={} accepted={} rejected={}", partner.id(), channel.label(), result.size(),
                result.stream().filter(r -> r.status() == ReceiptStatus.ACCEPTED).count(),
                result.stream().filter(r -> r.status() == ReceiptStatus.REJECTED).count());
        return result;
    }

    private Candidate check(int index, AloneJudge.Alone alone, Partner partner, RuleSet ruleSet, List<Rejection> problems) {
        problems.addAll(alone.problems());
        Signal signal = alone.signal();
        if (signal == null) {
            return null;
        }
        // Only rules about a person's history cost a database look-up, and only when they are active;
        // the look-up uses every key in the ring so a key rotation does not break the link.
        boolean hadEarlySignal = rules.needsHistory(signal, ruleSet) && signals.hasEarlySignal(partner.id(),
                pseudonymiser.lookupPseudonyms(signal.debtor(), signal.address()).stream().map(Pseudonyms::person).toList());
        RuleVerdict verdict = rules.check(signal, ruleSet, hadEarlySignal);
        problems.addAll(verdict.rejections());
        if (!problems.isEmpty()) {
            return null;
        }
        List<Rejection> warnings = new ArrayList<>(verdict.warnings());
        warnings.addAll(dataQuality.of(signal, alone.municipality()));
        return new Candidate(index, alone, warnings);
    }

    /**
     * Writes the new signals in one transaction. Two requests racing with the same reference meet
     * at the unique key; the loser looks up the winner's receipts, hands them out as duplicates
     * and stores the rest.
     */
    /** The cases the updates among the candidates continue; an update naming no accepted signal of the partner, or a withdrawn one, is rejected. */
    private Map<String, SignalRepository.CaseLink> updatedCases(Partner partner, Map<String, Candidate> candidates, Receipt[] receipts) {
        Map<String, String> updates = new HashMap<>();
        candidates.forEach((reference, c) -> {
            if (c.signal().updatesReference() != null) {
                updates.put(reference, c.signal().updatesReference());
            }
        });
        UpdatedCases.Found found = updatedCases.of(partner.id(), updates);
        found.refused().forEach((update, reason) -> receipts[candidates.remove(update).index()] = Receipt.rejected(update,
                List.of(Rejection.of(reason, "updatesReference"))));
        return found.cases();
    }

    private void store(Partner partner, Channel channel, RuleSet ruleSet, Map<String, Candidate> candidates,
            Map<String, SignalRepository.CaseLink> cases, Receipt[] receipts) {
        for (int attempt = 1; ; attempt++) {
            try {
                Instant now = clock.instant();
                List<NewSignal> fresh = new ArrayList<>(candidates.size());
                for (Candidate c : candidates.values()) {
                    AloneJudge.Alone a = c.alone();
                    Signal s = a.signal();
                    SignalRepository.CaseLink link = cases.get(s.reference());
                    boolean urgent = Urgency.isUrgent(new Urgency.Facts(s.kind(), s.crisis(), s.warmHandover(), s.endOfSupplyDate()),
                            a.municipality());
                    fresh.add(new NewSignal(a.id(), partner.id(), s, a.municipality().code(), a.pseudonyms(),
                            new NewSignal.RuleSetVersion(ruleSet.id(), ruleSet.version()), now,
                            DeliverySchedule.firstAttempt(a.municipality(), urgent, now), urgent,
                            new NewSignal.SealedPersonalData(a.personal().masterKeyId(), a.personal().wrappedKey(), a.personal().ciphertext()),
                            link == null ? null : link.signalId(), link == null ? null : link.caseSignalId()));
                    receipts[c.index()] = Receipt.accepted(a.signal().reference(), a.id(), false, c.warnings());
                }
                transactions.executeWithoutResult(tx -> {
                    signals.insertAccepted(fresh);
                    audit.record(IntakeAudit.accepted(partner, channel, fresh));
                });
                return;
            } catch (DuplicateKeyException race) {
                if (attempt >= 3) {
                    throw race;
                }
                signals.findReceipts(partner.id(), candidates.keySet()).forEach((reference, winner) -> {
                    Candidate lost = candidates.remove(reference);
                    receipts[lost.index()] = Receipt.accepted(reference, winner.signalId(), true);
                });
                if (candidates.isEmpty()) {
                    return;
                }
            }
        }
    }
}
