package nl.signaalpoort.signal;

/**
 * Stable codes for why a signal, row, file or request was refused. Partners program against
 * these names; never rename one. Human sentences live in {@code messages*.properties} as
 * {@code reason.<CODE>}; they never contain the rejected value, only the field's name.
 */
public enum ReasonCode {
    // The shape of the input
    MALFORMED_FIELD,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    // Normalisation
    INVALID_REFERENCE,
    INVALID_POSTCODE,
    INVALID_HOUSE_NUMBER,
    INVALID_HOUSE_NUMBER_ADDITION,
    INVALID_PHONE,
    INVALID_EMAIL,
    INVALID_NAME,
    INVALID_INITIALS,
    INVALID_AMOUNT,
    INVALID_DATE,
    // Routing
    UNKNOWN_MUNICIPALITY,
    // Rules (docs/domain.md section 4)
    LEGAL_ENTITY,
    BELOW_MINIMUM_AMOUNT,
    KNOWN_DEBT_ARRANGEMENT,
    TOO_FEW_TERMS,
    TOO_FEW_REMINDERS,
    NOT_OVERDUE_LONG_ENOUGH,
    OUTSIDE_ARREARS_WINDOW,
    NO_LONGER_EARLY,
    HANDED_TO_BAILIFF,
    NOT_A_DWELLING,
    END_OF_SUPPLY_TOO_SOON,
    END_OF_SUPPLY_NOT_FOR_SECTOR,
    PENALTIES_IN_AMOUNT,
    NO_EARLIER_EARLY_SIGNAL,
    // Updates
    NOT_AN_UPDATE,
    UNKNOWN_UPDATED_SIGNAL,
    /** The signal an update names was withdrawn: its case is closed. */
    UPDATED_SIGNAL_WITHDRAWN,
    // Data quality: warnings only, the signal is accepted
    PLACEHOLDER_BIRTH_DATE,
    CITY_IN_OTHER_MUNICIPALITY,
    // Intake
    DUPLICATE_IN_REQUEST
}
