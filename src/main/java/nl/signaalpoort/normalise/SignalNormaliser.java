package nl.signaalpoort.normalise;

import static nl.signaalpoort.signal.ReasonCode.INVALID_DATE;
import static nl.signaalpoort.signal.ReasonCode.MISSING_FIELD;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Arrears;
import nl.signaalpoort.signal.Contact;
import nl.signaalpoort.signal.Debtor;
import nl.signaalpoort.signal.LegalForm;
import nl.signaalpoort.signal.ObjectType;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/**
 * Turns a signal as a partner sent it into the canonical, normalised form. Every field that is
 * missing or cannot be normalised becomes a {@link Rejection}; nothing is guessed. All problems
 * are reported at once so a partner can fix a signal in one go.
 */
public final class SignalNormaliser {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
    private static final Pattern HOUSE_NUMBER_ADDITION = Pattern.compile("[A-Z0-9][A-Z0-9 -]{0,5}");
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate EARLIEST_SIGNAL_DATE = LocalDate.of(2000, 1, 1);
    private static final int MAX_HOUSE_NUMBER = 99_999;
    private static final int MAX_COUNT = 999;

    private final Clock clock;
    private final PostcodeNormaliser postcodes = new PostcodeNormaliser();
    private final PhoneNormaliser phones = new PhoneNormaliser();
    private final EmailNormaliser emails = new EmailNormaliser();
    private final NameNormaliser names = new NameNormaliser();

    public SignalNormaliser(Clock clock) {
        this.clock = clock;
    }

    public NormalisationResult normalise(Signal raw) {
        List<Rejection> rejections = new ArrayList<>();
        checkSignalFields(raw, rejections);
        Debtor debtor = normaliseDebtor(raw.debtor(), rejections);
        Address address = normaliseAddress(raw.address(), rejections);
        Contact contact = normaliseContact(raw.contact(), rejections);
        checkArrears(raw, rejections);
        if (!rejections.isEmpty()) {
            return new NormalisationResult(null, List.copyOf(rejections));
        }
        return new NormalisationResult(raw.with(debtor, address, contact), List.of());
    }

    private void checkSignalFields(Signal raw, List<Rejection> rejections) {
        if (raw.reference() == null || raw.reference().isBlank()) {
            rejections.add(Rejection.of(MISSING_FIELD, "reference"));
        } else if (!REFERENCE.matcher(raw.reference()).matches()) {
            rejections.add(Rejection.of(ReasonCode.INVALID_REFERENCE, "reference"));
        }
        if (raw.kind() == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "kind"));
        }
        // An update continues the case of the signal it names (by the partner's own reference).
        if (raw.kind() == SignalKind.UPDATED && (raw.updatesReference() == null || raw.updatesReference().isBlank())) {
            rejections.add(Rejection.of(MISSING_FIELD, "updatesReference"));
        } else if (raw.updatesReference() != null && raw.kind() != null && raw.kind() != SignalKind.UPDATED) {
            rejections.add(Rejection.of(ReasonCode.NOT_AN_UPDATE, "updatesReference"));
        } else if (raw.updatesReference() != null && (!REFERENCE.matcher(raw.updatesReference()).matches()
                || raw.updatesReference().equals(raw.reference()))) {
            rejections.add(Rejection.of(ReasonCode.INVALID_REFERENCE, "updatesReference"));
        }
        LocalDate today = LocalDate.now(clock);
        if (raw.signalDate() == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "signalDate"));
        } else if (raw.signalDate().isAfter(today.plusDays(1)) || raw.signalDate().isBefore(EARLIEST_SIGNAL_DATE)) {
            // One day of slack for partners in another time zone or with a clock ahead.
            rejections.add(Rejection.of(INVALID_DATE, "signalDate"));
        }
        if (raw.kind() == SignalKind.END_OF_SUPPLY) {
            if (raw.endOfSupplyDate() == null) {
                rejections.add(Rejection.of(MISSING_FIELD, "endOfSupplyDate"));
            } else if (raw.signalDate() != null && raw.endOfSupplyDate().isBefore(raw.signalDate())) {
                rejections.add(Rejection.of(INVALID_DATE, "endOfSupplyDate"));
            }
        } else if (raw.endOfSupplyDate() != null) {
            // Only an end-of-supply signal has an end date; on another kind it is a mistake, not something to pass on.
            rejections.add(Rejection.of(INVALID_DATE, "endOfSupplyDate"));
        }
    }

    private Debtor normaliseDebtor(Debtor debtor, List<Rejection> rejections) {
        if (debtor == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "debtor"));
            return null;
        }
        String givenNames = null;
        if (debtor.givenNames() != null) {
            givenNames = names.name(debtor.givenNames()).orElse(null);
            if (givenNames == null) {
                rejections.add(Rejection.of(ReasonCode.INVALID_NAME, "debtor.givenNames"));
            }
        }
        String initials = null;
        if (debtor.initials() == null && debtor.givenNames() == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "debtor.initials"));
        } else {
            initials = names.initials(debtor.initials(), givenNames).orElse(null);
            if (initials == null && debtor.initials() != null) {
                rejections.add(Rejection.of(ReasonCode.INVALID_INITIALS, "debtor.initials"));
            }
        }
        NameNormaliser.SplitSurname surname = null;
        if (NameNormaliser.collapse(debtor.surname()) == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "debtor.surname"));
        } else {
            surname = names.surname(debtor.surnamePrefix(), debtor.surname()).orElse(null);
            if (surname == null) {
                rejections.add(Rejection.of(ReasonCode.INVALID_NAME, "debtor.surname"));
            }
        }
        if (debtor.birthDate() == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "debtor.birthDate"));
        } else if (!debtor.birthDate().isBefore(LocalDate.now(clock)) || debtor.birthDate().isBefore(EARLIEST_BIRTH_DATE)) {
            rejections.add(Rejection.of(INVALID_DATE, "debtor.birthDate"));
        }
        LegalForm legalForm = debtor.legalForm() == null ? LegalForm.NATURAL_PERSON : debtor.legalForm();
        if (surname == null) {
            return null;
        }
        return new Debtor(initials, givenNames, surname.prefix(), surname.surname(), debtor.birthDate(), legalForm);
    }

    private Address normaliseAddress(Address address, List<Rejection> rejections) {
        if (address == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "address"));
            return null;
        }
        String postcode = null;
        if (address.postcode() == null || address.postcode().isBlank()) {
            rejections.add(Rejection.of(MISSING_FIELD, "address.postcode"));
        } else {
            postcode = postcodes.normalise(address.postcode()).orElse(null);
            if (postcode == null) {
                rejections.add(Rejection.of(ReasonCode.INVALID_POSTCODE, "address.postcode"));
            }
        }
        if (address.houseNumber() == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "address.houseNumber"));
        } else if (address.houseNumber() < 1 || address.houseNumber() > MAX_HOUSE_NUMBER) {
            rejections.add(Rejection.of(ReasonCode.INVALID_HOUSE_NUMBER, "address.houseNumber"));
        }
        String addition = NameNormaliser.collapse(address.houseNumberAddition());
        if (addition != null) {
            addition = addition.toUpperCase(Locale.ROOT);
            if (!HOUSE_NUMBER_ADDITION.matcher(addition).matches()) {
                rejections.add(Rejection.of(ReasonCode.INVALID_HOUSE_NUMBER_ADDITION, "address.houseNumberAddition"));
            }
        }
        String street = optionalName(address.street(), "address.street", rejections);
        String city = optionalName(address.city(), "address.city", rejections);
        ObjectType objectType = address.objectType() == null ? ObjectType.DWELLING : address.objectType();
        return new Address(street, address.houseNumber(), addition, postcode, city, objectType);
    }

    private String optionalName(String raw, String field, List<Rejection> rejections) {
        String collapsed = NameNormaliser.collapse(raw);
        if (collapsed == null) {
            return null;
        }
        // Street and city names may hold digits ("2e Hugo de Grootstraat"), so only length and control characters are checked.
        if (collapsed.length() > 200 || collapsed.chars().anyMatch(Character::isISOControl)) {
            rejections.add(Rejection.of(ReasonCode.INVALID_NAME, field));
            return null;
        }
        return collapsed;
    }

    private Contact normaliseContact(Contact contact, List<Rejection> rejections) {
        if (contact == null) {
            return new Contact(null, null);
        }
        String phone = null;
        if (contact.phone() != null && !contact.phone().isBlank()) {
            phone = phones.normalise(contact.phone()).orElse(null);
            if (phone == null) {
                rejections.add(Rejection.of(ReasonCode.INVALID_PHONE, "contact.phone"));
            }
        }
        String email = null;
        if (contact.email() != null && !contact.email().isBlank()) {
            email = emails.normalise(contact.email()).orElse(null);
            if (email == null) {
                rejections.add(Rejection.of(ReasonCode.INVALID_EMAIL, "contact.email"));
            }
        }
        return new Contact(phone, email);
    }

    private void checkArrears(Signal raw, List<Rejection> rejections) {
        Arrears arrears = raw.arrears();
        if (arrears == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "arrears"));
            return;
        }
        if (arrears.totalAmount() == null) {
            rejections.add(Rejection.of(MISSING_FIELD, "arrears.totalAmount"));
        } else if (arrears.totalAmount().cents() == 0) {
            rejections.add(Rejection.of(ReasonCode.INVALID_AMOUNT, "arrears.totalAmount"));
        }
        checkCount(arrears.termsOverdue(), "arrears.termsOverdue", rejections);
        checkCount(arrears.remindersSent(), "arrears.remindersSent", rejections);
        Optional<LocalDate> latestAllowed = Optional.ofNullable(raw.signalDate()).map(d -> d.plusDays(1));
        boolean oldestValid = checkDueDate(arrears.oldestDueDate(), "arrears.oldestDueDate", latestAllowed, rejections);
        boolean newestValid = checkDueDate(arrears.newestDueDate(), "arrears.newestDueDate", latestAllowed, rejections);
        if (oldestValid && newestValid && arrears.oldestDueDate() != null && arrears.newestDueDate() != null
                && arrears.oldestDueDate().isAfter(arrears.newestDueDate())) {
            rejections.add(Rejection.of(INVALID_DATE, "arrears.oldestDueDate"));
        }
    }

    private static void checkCount(Integer count, String field, List<Rejection> rejections) {
        if (count != null && (count < 0 || count > MAX_COUNT)) {
            rejections.add(Rejection.of(ReasonCode.MALFORMED_FIELD, field));
        }
    }

    /** True when the date is absent or plausible. */
    private static boolean checkDueDate(LocalDate date, String field, Optional<LocalDate> latestAllowed, List<Rejection> rejections) {
        if (date == null) {
            return true;
        }
        // Arrears are overdue by definition: a due date after the signal date is a mistake.
        if (date.isBefore(EARLIEST_SIGNAL_DATE) || latestAllowed.map(date::isAfter).orElse(false)) {
            rejections.add(Rejection.of(INVALID_DATE, field));
            return false;
        }
        return true;
    }
}
