package nl.signaalpoort.audit;

/** What an audit entry records. Stable names: they are in exported trails. */
public enum AuditAction {
    SIGNAL_ACCEPTED,
    SIGNAL_REJECTED,
    SIGNAL_DELIVERED,
    OUTCOME_REPORTED,
    CASE_AUTO_CLOSED,
    FEEDBACK_READ,
    FEEDBACK_PUSHED,
    FEEDBACK_FILE_WRITTEN,
    FILE_PROCESSED,
    FILE_REFUSED,
    DEAD_LETTER_REPLAYED,
    ROUTE_SUSPENDED,
    ROUTE_RESUMED,
    PERSONAL_DATA_SHREDDED,
    POSTCODE_TABLE_LOADED,
    MONITOR_EXPORTED
}
