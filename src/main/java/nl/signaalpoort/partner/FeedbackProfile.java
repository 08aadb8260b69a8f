package nl.signaalpoort.partner;

/** Which feedback codes a partner may hear (docs/domain.md section 7). */
public enum FeedbackProfile {
    /** The Landelijk Convenant codes. */
    FULL,
    /** Health insurers: help accepted, or not. */
    BINARY
}
