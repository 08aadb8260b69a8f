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
    // Rules
    BELOW_MINIMUM_AMOUNT,
    // Intake
    DUPLICATE_IN_REQUEST
}
