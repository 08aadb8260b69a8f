package nl.signaalpoort.intake.batch;

/**
 * Why a whole batch file was refused. Stable codes; sentences in messages*.properties as
 * {@code file.<CODE>}. A refused file is quarantined and nothing of it is stored.
 */
public enum BatchFileProblem {
    EMPTY_FILE,
    UNREADABLE_ENCODING,
    MISSING_HEADER,
    UNKNOWN_COLUMN,
    WRONG_COLUMN_COUNT,
    MALFORMED_CSV,
    FILE_TOO_LARGE
}
