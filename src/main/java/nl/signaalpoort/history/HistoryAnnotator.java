package nl.signaalpoort.history;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.signaalpoort.store.RelatedSignal;

/**
 * Computes annotations from pseudonyms only: no name, address or birth date is ever involved.
 * Pure: given a signal's keys and the related signals, the same answer every time.
 */
public final class HistoryAnnotator {

    private final HistoryProperties windows;

    public HistoryAnnotator(HistoryProperties windows) {
        this.windows = windows;
    }

    public Annotations annotate(SignalKeys signal, List<RelatedSignal> related) {
        Instant now = signal.receivedAt();
        List<RelatedSignal> earlier = related.stream()
                .filter(r -> !r.signalId().equals(signal.signalId()) && !r.receivedAt().isAfter(now))
                .toList();
        List<RelatedSignal> samePerson = earlier.stream().filter(r -> sameByPerson(signal, r) || sameTolerantly(signal, r)).toList();
        List<RelatedSignal> samePartner = samePerson.stream()
                .filter(r -> r.partnerId().equals(signal.partnerId()) && within(r, now, windows.latePayerWindow()))
                .toList();

        Optional<RelatedSignal> previous = samePartner.stream().max(Comparator.comparing(RelatedSignal::receivedAt));
        boolean amountRose = previous.map(p -> signal.totalAmountCents() > p.totalAmountCents()).orElse(false);
        boolean repeated = previous.isPresent() && !amountRose;
        int otherPartners = (int) earlier.stream()
                .filter(r -> signal.households().contains(r.householdPseudonym()))
                .filter(r -> !r.partnerId().equals(signal.partnerId()) && within(r, now, windows.matchWindow()))
                .map(RelatedSignal::partnerId)
                .distinct()
                .count();
        boolean recidive = samePerson.stream().anyMatch(r -> within(r, now, windows.recidiveWindow()));
        boolean latePayer = samePartner.size() + 1 >= windows.latePayerThreshold();
        boolean tolerantOnly = !samePerson.isEmpty() && samePerson.stream().noneMatch(r -> sameByPerson(signal, r));
        return new Annotations(samePartner.size(), amountRose, repeated, otherPartners, recidive, latePayer, tolerantOnly);
    }

    private static boolean sameByPerson(SignalKeys signal, RelatedSignal r) {
        return signal.persons().contains(r.personPseudonym());
    }

    private static boolean sameTolerantly(SignalKeys signal, RelatedSignal r) {
        return signal.tolerant().contains(r.tolerantPseudonym());
    }

    private static boolean within(RelatedSignal r, Instant now, Period window) {
        return !r.receivedAt().isBefore(now.atOffset(ZoneOffset.UTC).minus(window).toInstant());
    }
}
