package nl.signaalpoort.support;

import java.time.LocalDate;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Arrears;
import nl.signaalpoort.signal.Contact;
import nl.signaalpoort.signal.Debtor;
import nl.signaalpoort.signal.LegalForm;
import nl.signaalpoort.signal.Money;
import nl.signaalpoort.signal.ObjectType;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/** Valid canonical signals for unit tests, to be varied one field at a time. */
public final class TestSignals {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private TestSignals() {
    }

    public static Signal valid() {
        return new Signal("REF-1", SignalKind.EARLY, TODAY.minusDays(2), false, false, null,
                new Debtor("j.p.", null, null, "van der Berg", LocalDate.of(1980, 4, 12), null),
                new Address("Damrak", 1, null, "1012 lg", "Amsterdam", null),
                new Contact("06 12345678", "J.vdBerg@Example.NL"),
                arrears(Money.ofEuros("245.50")));
    }

    public static Arrears arrears(Money total) {
        return new Arrears(total, Money.ofEuros("122.75"), 2, 2, TODAY.minusDays(80), TODAY.minusDays(50),
                null, null, null, null, null, false, false, false, false);
    }

    public static Signal withAmount(Signal s, Money total) {
        return new Signal(s.reference(), s.kind(), s.signalDate(), s.crisis(), s.warmHandover(), s.endOfSupplyDate(),
                s.debtor(), s.address(), s.contact(), arrears(total));
    }

    public static Signal withKind(Signal s, SignalKind kind, LocalDate endOfSupplyDate) {
        return new Signal(s.reference(), kind, s.signalDate(), s.crisis(), s.warmHandover(), endOfSupplyDate,
                s.debtor(), s.address(), s.contact(), s.arrears());
    }

    public static Debtor debtor(String surname, LocalDate birthDate) {
        return new Debtor("A.", null, null, surname, birthDate, LegalForm.NATURAL_PERSON);
    }

    public static Address address(String postcode, int houseNumber) {
        return new Address(null, houseNumber, null, postcode, null, ObjectType.DWELLING);
    }
}
