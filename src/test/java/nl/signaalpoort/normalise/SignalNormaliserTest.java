package nl.signaalpoort.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Contact;
import nl.signaalpoort.signal.Debtor;
import nl.signaalpoort.signal.LegalForm;
import nl.signaalpoort.signal.ObjectType;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;
import nl.signaalpoort.support.SignalBuilder;
import nl.signaalpoort.support.TestSignals;
import org.junit.jupiter.api.Test;

class SignalNormaliserTest {

    private final SignalNormaliser normaliser = new SignalNormaliser(
            Clock.fixed(TestSignals.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @Test
    void normalisesEveryField() {
        NormalisationResult result = normaliser.normalise(TestSignals.valid());

        assertThat(result.isValid()).isTrue();
        Signal s = result.signal();
        assertThat(s.debtor().initials()).isEqualTo("J.P.");
        assertThat(s.debtor().surnamePrefix()).isEqualTo("van der");
        assertThat(s.debtor().surname()).isEqualTo("Berg");
        assertThat(s.debtor().legalForm()).isEqualTo(LegalForm.NATURAL_PERSON);
        assertThat(s.address().postcode()).isEqualTo("1012LG");
        assertThat(s.address().objectType()).isEqualTo(ObjectType.DWELLING);
        assertThat(s.contact().phone()).isEqualTo("+31612345678");
        assertThat(s.contact().email()).isEqualTo("j.vdberg@example.nl");
        assertThat(s.arrears()).isEqualTo(TestSignals.valid().arrears());
    }

    @Test
    void anUpdateNamesTheSignalItUpdatesAndOnlyAnUpdateDoes() {
        Signal raw = TestSignals.valid();
        java.util.function.BiFunction<nl.signaalpoort.signal.SignalKind, String, Signal> signal = (kind, updates) -> new Signal(
                raw.reference(), kind, raw.signalDate(), false, false, null, raw.debtor(), raw.address(), raw.contact(), raw.arrears(), updates);
        assertThat(normaliser.normalise(signal.apply(nl.signaalpoort.signal.SignalKind.UPDATED, "ENE-1")).isValid()).isTrue();
        assertThat(normaliser.normalise(signal.apply(nl.signaalpoort.signal.SignalKind.UPDATED, "ENE-1")).signal().updatesReference())
                .isEqualTo("ENE-1");
        assertThat(normaliser.normalise(signal.apply(nl.signaalpoort.signal.SignalKind.UPDATED, null)).rejections())
                .containsExactly(Rejection.of(ReasonCode.MISSING_FIELD, "updatesReference"));
        assertThat(normaliser.normalise(signal.apply(nl.signaalpoort.signal.SignalKind.EARLY, "ENE-1")).rejections())
                .containsExactly(Rejection.of(ReasonCode.NOT_AN_UPDATE, "updatesReference"));
        assertThat(normaliser.normalise(signal.apply(nl.signaalpoort.signal.SignalKind.UPDATED, "bad ref!")).rejections())
                .containsExactly(Rejection.of(ReasonCode.INVALID_REFERENCE, "updatesReference"));
        assertThat(normaliser.normalise(signal.apply(nl.signaalpoort.signal.SignalKind.UPDATED, raw.reference())).rejections())
                .as("a signal cannot update itself").containsExactly(Rejection.of(ReasonCode.INVALID_REFERENCE, "updatesReference"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Signal raw = TestSignals.valid();
        Signal broken = new Signal("bad ref!", raw.kind(), raw.signalDate(), false, false, null,
                new Debtor("1", null, null, "Berg", null, null),
                new Address(null, 0, "toolongaddition", "0123AB", null, null),
                new Contact("12", "nope"), raw.arrears());

        NormalisationResult result = normaliser.normalise(broken);

        assertThat(result.isValid()).isFalse();
        assertThat(result.signal()).isNull();
        assertThat(result.rejections()).containsExactlyInAnyOrder(
                Rejection.of(ReasonCode.INVALID_REFERENCE, "reference"),
                Rejection.of(ReasonCode.INVALID_INITIALS, "debtor.initials"),
                Rejection.of(ReasonCode.MISSING_FIELD, "debtor.birthDate"),
                Rejection.of(ReasonCode.INVALID_POSTCODE, "address.postcode"),
                Rejection.of(ReasonCode.INVALID_HOUSE_NUMBER, "address.houseNumber"),
                Rejection.of(ReasonCode.INVALID_HOUSE_NUMBER_ADDITION, "address.houseNumberAddition"),
                Rejection.of(ReasonCode.INVALID_PHONE, "contact.phone"),
                Rejection.of(ReasonCode.INVALID_EMAIL, "contact.email"));
    }

    @Test
    void missingGroupsAreNamed() {
        Signal empty = new Signal(null, null, null, false, false, null, null, null, null, null);

        assertThat(normaliser.normalise(empty).rejections()).containsExactlyInAnyOrder(
                Rejection.of(ReasonCode.MISSING_FIELD, "reference"),
                Rejection.of(ReasonCode.MISSING_FIELD, "kind"),
                Rejection.of(ReasonCode.MISSING_FIELD, "signalDate"),
                Rejection.of(ReasonCode.MISSING_FIELD, "debtor"),
                Rejection.of(ReasonCode.MISSING_FIELD, "address"),
                Rejection.of(ReasonCode.MISSING_FIELD, "arrears"));
    }

    @Test
    void endOfSupplyNeedsAnEndDateNotBeforeTheSignal() {
        Signal raw = TestSignals.valid();
        Signal noDate = SignalBuilder.valid().kind(SignalKind.END_OF_SUPPLY).build();
        Signal dateBefore = SignalBuilder.valid().kind(SignalKind.END_OF_SUPPLY).endOfSupplyDate(raw.signalDate().minusDays(1)).build();

        assertThat(normaliser.normalise(noDate).rejections()).containsExactly(Rejection.of(ReasonCode.MISSING_FIELD, "endOfSupplyDate"));
        assertThat(normaliser.normalise(dateBefore).rejections()).containsExactly(Rejection.of(ReasonCode.INVALID_DATE, "endOfSupplyDate"));
    }

    @Test
    void onlyAnEndOfSupplySignalMayCarryAnEndDate() {
        Signal raw = TestSignals.valid();
        Signal early = SignalBuilder.valid().endOfSupplyDate(raw.signalDate().plusDays(30)).build();

        assertThat(normaliser.normalise(early).rejections()).containsExactly(Rejection.of(ReasonCode.INVALID_DATE, "endOfSupplyDate"));
    }

    @Test
    void datesMustBePlausible() {
        Signal raw = TestSignals.valid();
        Signal future = new Signal(raw.reference(), raw.kind(), TestSignals.TODAY.plusDays(2), false, false, null,
                new Debtor("A", null, null, "Berg", TestSignals.TODAY, null), raw.address(), raw.contact(), raw.arrears());

        assertThat(normaliser.normalise(future).rejections()).containsExactlyInAnyOrder(
                Rejection.of(ReasonCode.INVALID_DATE, "signalDate"),
                Rejection.of(ReasonCode.INVALID_DATE, "debtor.birthDate"));
    }

    @Test
    void dueDatesMustBeOrderedAndNotAfterTheSignal() {
        Signal raw = TestSignals.valid();
        nl.signaalpoort.signal.Arrears a = raw.arrears();
        Signal swapped = new Signal(raw.reference(), raw.kind(), raw.signalDate(), false, false, null, raw.debtor(),
                raw.address(), raw.contact(), new nl.signaalpoort.signal.Arrears(a.totalAmount(), a.termAmount(), 2, 2,
                        raw.signalDate().minusDays(5), raw.signalDate().minusDays(10), null, null, null, null, null,
                        false, false, false, false));
        Signal afterSignal = new Signal(raw.reference(), raw.kind(), raw.signalDate(), false, false, null, raw.debtor(),
                raw.address(), raw.contact(), new nl.signaalpoort.signal.Arrears(a.totalAmount(), a.termAmount(), 2, 2,
                        raw.signalDate().minusDays(5), raw.signalDate().plusDays(5), null, null, null, null, null,
                        false, false, false, false));

        assertThat(normaliser.normalise(swapped).rejections())
                .containsExactly(Rejection.of(ReasonCode.INVALID_DATE, "arrears.oldestDueDate"));
        assertThat(normaliser.normalise(afterSignal).rejections())
                .containsExactly(Rejection.of(ReasonCode.INVALID_DATE, "arrears.newestDueDate"));
    }

    @Test
    void contactMayBeMissingEntirely() {
        Signal raw = TestSignals.valid();
        Signal noContact = new Signal(raw.reference(), raw.kind(), raw.signalDate(), false, false, null,
                raw.debtor(), raw.address(), null, raw.arrears());

        NormalisationResult result = normaliser.normalise(noContact);

        assertThat(result.isValid()).isTrue();
        assertThat(result.signal().contact().phone()).isNull();
    }

    @Test
    void aZeroTotalIsRefused() {
        Signal zero = SignalBuilder.valid().total("0.00").build();

        assertThat(normaliser.normalise(zero).rejections()).containsExactly(Rejection.of(ReasonCode.INVALID_AMOUNT, "arrears.totalAmount"));
    }

    @Test
    void birthDateBefore1900IsRefused() {
        Signal raw = TestSignals.valid();
        Signal old = new Signal(raw.reference(), raw.kind(), raw.signalDate(), false, false, null,
                new Debtor("A", null, null, "Berg", LocalDate.of(1899, 12, 31), null), raw.address(), raw.contact(), raw.arrears());

        assertThat(normaliser.normalise(old).rejections()).containsExactly(Rejection.of(ReasonCode.INVALID_DATE, "debtor.birthDate"));
    }
}
