package nl.signaalpoort.rules;

/** What to do with an end-of-supply or updated signal that no early signal of the same partner preceded. */
public enum EarlySignalPolicy {
    OFF,
    WARN,
    REJECT
}
