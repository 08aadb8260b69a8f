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
    /** A withdrawal file of more rows than one file may hold (50,000). */
    TOO_MANY_ROWS,
    /** A dry-run name on a withdrawal file: dry runs are for signal files. */
    DRY_RUN_NOT_SUPPORTED,
    /** Not well-formed XML, or it carries a DOCTYPE (refused: no entities, no external references). */
    MALFORMED_XML,
    /** Well-formed XML that does not follow contracts/batch/signal-batch-v1.xsd. */
    SCHEMA_VIOLATION,
    FILE_TOO_LARGE,
    /** A name ending in neither .csv nor .xml (after any .pgp/.gpg/.asc). */
    UNSUPPORTED_FORMAT,
    /** Not an OpenPGP message, or a broken one. */
    PGP_MALFORMED,
    /** Encrypted, but not for the gateway's key. */
    PGP_WRONG_KEY,
    /** The partner's registration requires OpenPGP (a signature or encryption) and the file is plain. */
    PGP_REQUIRED,
    /** The decrypted content grew beyond the allowed multiple of the encrypted file (a compression bomb). */
    PGP_EXPANSION_TOO_LARGE,
    /** The partner's policy requires its signature and the file carries none. */
    PGP_UNSIGNED,
    /** Signed, but not validly by the partner's registered key. */
    PGP_BAD_SIGNATURE
}
