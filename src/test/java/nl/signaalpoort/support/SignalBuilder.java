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

/**
 * Canonical signals for unit tests, one field at a time: starts as a valid early energy signal
 * (as a partner sends it, before normalisation) and builds a fresh {@link Signal} on every call.
 * Due dates are days before the signal date, so moving the signal date keeps the arrears' shape.
 */
public final class SignalBuilder {

    private String reference = "REF-1";
    private SignalKind kind = SignalKind.EARLY;
    private LocalDate signalDate = TestSignals.TODAY.minusDays(2);
    private boolean crisis;
    private boolean warmHandover;
    private LocalDate endOfSupplyDate;
    private String initials = "j.p.";
    private String givenNames;
    private String surnamePrefix;
    private String surname = "van der Berg";
    private LocalDate birthDate = LocalDate.of(1980, 4, 12);
    private LegalForm legalForm;
    private String street = "Damrak";
    private Integer houseNumber = 1;
    private String houseNumberAddition;
    private String postcode = "1012 lg";
    private String city = "Amsterdam";
    private ObjectType objectType;
    private Contact contact = new Contact("06 12345678", "J.vdBerg@Example.NL");
    private String total = "245.50";
    private String term = "122.75";
    private Integer terms = 2;
    private Integer reminders = 2;
    private int oldestDaysOverdue = 78;
    private int newestDaysOverdue = 48;
    private String premium;
    private String deductible;
    private String ownContribution;
    private String penalty;
    private String deposit;
    private boolean arrangementFailed;
    private boolean bailiff;
    private boolean debtArrangement;
    private boolean personallyLiable;

    private SignalBuilder() {
    }

    /** A valid early signal from an energy supplier. */
    public static SignalBuilder valid() {
        return new SignalBuilder();
    }

    public SignalBuilder reference(String reference) {
        this.reference = reference;
        return this;
    }

    public SignalBuilder kind(SignalKind kind) {
        this.kind = kind;
        return this;
    }

    public SignalBuilder signalDate(LocalDate signalDate) {
        this.signalDate = signalDate;
        return this;
    }

    public SignalBuilder crisis(boolean crisis) {
        this.crisis = crisis;
        return this;
    }

    /** An end-of-supply signal sent on {@code signalDate} for supply ending on {@code end}. */
    public SignalBuilder endOfSupply(LocalDate signalDate, LocalDate end) {
        this.kind = SignalKind.END_OF_SUPPLY;
        this.signalDate = signalDate;
        this.endOfSupplyDate = end;
        return this;
    }

    public SignalBuilder endOfSupplyDate(LocalDate end) {
        this.endOfSupplyDate = end;
        return this;
    }

    public SignalBuilder debtor(String initials, String surname, LocalDate birthDate) {
        this.initials = initials;
        this.surname = surname;
        this.birthDate = birthDate;
        return this;
    }

    public SignalBuilder legal(LegalForm legalForm, boolean personallyLiable) {
        this.legalForm = legalForm;
        this.personallyLiable = personallyLiable;
        return this;
    }

    public SignalBuilder address(String street, int houseNumber, String postcode, String city) {
        this.street = street;
        this.houseNumber = houseNumber;
        this.postcode = postcode;
        this.city = city;
        return this;
    }

    public SignalBuilder object(ObjectType objectType) {
        this.objectType = objectType;
        return this;
    }

    public SignalBuilder noContact() {
        this.contact = null;
        return this;
    }

    public SignalBuilder total(String euros) {
        this.total = euros;
        return this;
    }

    public SignalBuilder term(String euros) {
        this.term = euros;
        return this;
    }

    /** A health insurer's amounts: premium, deductible on top, and the total holding both. */
    public SignalBuilder premium(String premium, String deductible, String total) {
        this.premium = premium;
        this.deductible = deductible;
        this.total = total;
        return this;
    }

    public SignalBuilder terms(Integer terms) {
        this.terms = terms;
        return this;
    }

    public SignalBuilder reminders(Integer reminders) {
        this.reminders = reminders;
        return this;
    }

    /** How many days before the signal date the oldest and the newest claim fell due. */
    public SignalBuilder overdue(int oldestDays, int newestDays) {
        this.oldestDaysOverdue = oldestDays;
        this.newestDaysOverdue = newestDays;
        return this;
    }

    public SignalBuilder penalties(String penalty, String deposit) {
        this.penalty = penalty;
        this.deposit = deposit;
        return this;
    }

    public SignalBuilder failedArrangement() {
        this.arrangementFailed = true;
        return this;
    }

    public SignalBuilder withBailiff() {
        this.bailiff = true;
        return this;
    }

    public SignalBuilder inDebtArrangement() {
        this.debtArrangement = true;
        return this;
    }

    public Signal build() {
        return new Signal(reference, kind, signalDate, crisis, warmHandover, endOfSupplyDate,
                new Debtor(initials, givenNames, surnamePrefix, surname, birthDate, legalForm),
                new Address(street, houseNumber, houseNumberAddition, postcode, city, objectType),
                contact,
                new Arrears(money(total), money(term), terms, reminders, signalDate.minusDays(oldestDaysOverdue),
                        signalDate.minusDays(newestDaysOverdue), money(premium), money(deductible), money(ownContribution),
                        money(penalty), money(deposit), arrangementFailed, bailiff, debtArrangement, personallyLiable));
    }

    private static Money money(String euros) {
        return euros == null ? null : Money.ofEuros(euros);
    }
}
