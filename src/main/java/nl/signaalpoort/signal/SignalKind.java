package nl.signaalpoort.signal;

/** Kinds of signal (docs/domain.md section 3). Crisis and warm handover are flags, not kinds. */
public enum SignalKind {
    EARLY,
    UPDATED,
    END_OF_SUPPLY
}
