package nl.signaalpoort.intake.pgp;

/** Why an OpenPGP file was refused. */
public enum PgpProblem {
    /** Not an OpenPGP message, a broken one, or one whose integrity check fails. */
    MALFORMED,
    /** Not encrypted, or not for the gateway's key. */
    WRONG_KEY,
    /** The partner's policy requires a signature and there is none. */
    UNSIGNED,
    /** A signature that does not verify, or not by the partner's registered key. */
    BAD_SIGNATURE,
    /** The plaintext is larger than files may be (also stops decompression bombs). */
    TOO_LARGE
}
