package nl.signaalpoort.feedback;

/** The only codes a partner may hear back (Landelijk Convenant Vroegsignalering; docs/domain.md section 7). */
public enum PartnerFeedbackCode {
    UNJUSTIFIED,
    NOT_PICKED_UP,
    REPEATED,
    KNOWN_TO_DEBT_SERVICES,
    WANTS_HELP,
    NOT_REACHED_OR_DECLINED,
    DECEASED,
    NOT_RESIDENT,
    // The BINARY profile for health insurers
    HELP_ACCEPTED,
    NO_HELP_OR_NOT_PICKED_UP
}
