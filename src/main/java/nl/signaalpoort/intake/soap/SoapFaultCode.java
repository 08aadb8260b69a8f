package nl.signaalpoort.intake.soap;

/**
 * Why the SOAP channel refused a message before the service judged it. Together with the REST
 * problem codes ({@link nl.signaalpoort.api.ProblemCode}) these are the codes a SOAP fault's
 * detail carries; sentences in messages*.properties as {@code soapfault.<CODE>}.
 */
public enum SoapFaultCode {
    SIGNATURE_REQUIRED,
    SIGNATURE_INVALID,
    TIMESTAMP_EXPIRED,
    REPLAYED_MESSAGE,
    ADDRESSING_REQUIRED,
    XML_REFUSED,
    SCHEMA_VIOLATION,
    MESSAGE_TOO_LARGE,
    MALFORMED_SOAP,
    INTERNAL_ERROR,
    /** The database is away: whether the message was processed is not known; sending it again (a new MessageID) is safe. */
    DATABASE_UNAVAILABLE
}
