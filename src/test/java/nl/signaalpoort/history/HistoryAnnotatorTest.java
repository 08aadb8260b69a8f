package nl.signaalpoort.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.signaalpoort.store.RelatedSignal;
import org.junit.jupiter.api.Test;

class HistoryAnnotatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final HistoryAnnotator annotator = new HistoryAnnotator(
            new HistoryProperties(Period.ofMonths(3), Period.ofMonths(6), Period.ofMonths(12), 3));

    private static SignalKeys signal(String partner, long cents) {
        return new SignalKeys(UUID.randomUUID(), partner, cents, NOW, Set.of("person-old-key", "person"), Set.of("home"), Set.of("tolerant"));
    }

    private static RelatedSignal earlier(String partner, long cents, int monthsAgo, String person, String household, String tolerant) {
        return new RelatedSignal(UUID.randomUUID(), partner, cents, NOW.atOffset(ZoneOffset.UTC).minusMonths(monthsAgo).toInstant(),
                person, household, tolerant);
    }

    @Test
    void aFirstSignalHasNoHistory() {
        SignalKeys s = signal("energie", 10_000);
        RelatedSignal itself = new RelatedSignal(s.signalId(), "energie", 10_000, NOW, "person", "home", "tolerant");

        assertThat(annotator.annotate(s, List.of(itself))).isEqualTo(Annotations.NONE);
    }

    @Test
    void aRepeatWithALowerAmountIsARepeatedSignalAndAHigherOneIsNot() {
        RelatedSignal before = earlier("energie", 20_000, 1, "person", "home", "tolerant");

        Annotations lower = annotator.annotate(signal("energie", 15_000), List.of(before));
        Annotations same = annotator.annotate(signal("energie", 20_000), List.of(before));
        Annotations higher = annotator.annotate(signal("energie", 25_000), List.of(before));

        assertThat(lower.repeatedSignal()).isTrue();
        assertThat(same.repeatedSignal()).isTrue();
        assertThat(higher.repeatedSignal()).isFalse();
        assertThat(higher.amountRose()).isTrue();
        assertThat(higher.earlierFromSamePartner()).isEqualTo(1);
        assertThat(higher.recidive()).isTrue();
    }

    @Test
    void theAmountIsComparedWithThePartnersMostRecentSignal() {
        Annotations a = annotator.annotate(signal("energie", 15_000), List.of(
                earlier("energie", 10_000, 5, "person", "home", "tolerant"),
                earlier("energie", 20_000, 1, "person", "home", "tolerant")));

        assertThat(a.amountRose()).isFalse();
        assertThat(a.repeatedSignal()).isTrue();
    }

    @Test
    void otherPartnersAtTheSameAddressWithinThreeMonthsAreAMatch() {
        Annotations a = annotator.annotate(signal("energie", 10_000), List.of(
                earlier("water", 5_000, 1, "someone-else", "home", "t2"),
                earlier("zorg", 5_000, 2, "someone-else", "home", "t2"),
                earlier("zorg", 5_000, 2, "another", "home", "t3"),
                earlier("wonen", 5_000, 4, "someone-else", "home", "t2"),
                earlier("wonen", 5_000, 1, "x", "elsewhere", "t4")));

        assertThat(a.otherPartnersAtAddress()).isEqualTo(2);
        assertThat(a.earlierFromSamePartner()).isZero();
        assertThat(a.recidive()).isFalse();
    }

    @Test
    void recidiveIsAnEarlierSignalFromAnyPartnerWithinSixMonths() {
        assertThat(annotator.annotate(signal("energie", 1), List.of(earlier("zorg", 1, 5, "person", "h2", "t9"))).recidive()).isTrue();
        assertThat(annotator.annotate(signal("energie", 1), List.of(earlier("zorg", 1, 7, "person", "h2", "t9"))).recidive()).isFalse();
    }

    @Test
    void threeSignalsFromOnePartnerInTwelveMonthsIsALatePayer() {
        RelatedSignal two = earlier("energie", 1, 2, "person", "home", "tolerant");
        RelatedSignal eleven = earlier("energie", 1, 11, "person", "home", "tolerant");
        RelatedSignal thirteen = earlier("energie", 1, 13, "person", "home", "tolerant");

        assertThat(annotator.annotate(signal("energie", 1), List.of(two, eleven)).latePayer()).isTrue();
        assertThat(annotator.annotate(signal("energie", 1), List.of(two, thirteen)).latePayer()).isFalse();
        assertThat(annotator.annotate(signal("water", 1), List.of(two, eleven)).latePayer()).isFalse();
    }

    @Test
    void aLinkFoundOnlyByTheTolerantKeyIsMarked() {
        Annotations tolerant = annotator.annotate(signal("energie", 1), List.of(earlier("zorg", 1, 1, "swapped-name", "home", "tolerant")));
        Annotations exact = annotator.annotate(signal("energie", 1), List.of(earlier("zorg", 1, 1, "person-old-key", "home", "tolerant")));

        assertThat(tolerant.recidive()).isTrue();
        assertThat(tolerant.linkedOnlyTolerantly()).isTrue();
        assertThat(exact.linkedOnlyTolerantly()).isFalse();
        assertThat(exact.recidive()).as("found under the old key after a rotation").isTrue();
    }
}
