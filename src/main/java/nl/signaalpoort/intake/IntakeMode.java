package nl.signaalpoort.intake;

/**
 * {@code DRY_RUN}: every check a real submission gets, read-only look-ups included, and the same
 * receipts, but nothing is stored, audited, counted or delivered; an accepted signal has no id.
 */
public enum IntakeMode {
    SUBMIT,
    DRY_RUN
}
