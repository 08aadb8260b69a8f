package nl.signaalpoort.feedback.sftp;

/** Why an outcome file was refused as a whole: nothing of it was recorded (contracts/municipal/outcome-file.md). */
public enum OutcomeFileProblem {
    EMPTY_FILE,
    UNSUPPORTED_FORMAT,
    UNREADABLE_ENCODING,
    MISSING_HEADER,
    UNKNOWN_COLUMN,
    WRONG_COLUMN_COUNT,
    MALFORMED_CSV,
    TOO_MANY_ROWS,
    /** XML that is not well-formed (such as a file cut off before its end). */
    MALFORMED_XML,
    /** Well-formed XML that does not follow contracts/municipal/outcome-file-v1.xsd. */
    SCHEMA_VIOLATION
}
