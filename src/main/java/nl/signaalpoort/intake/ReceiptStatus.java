package nl.signaalpoort.intake;

/** The outcome of intake for one signal. */
public enum ReceiptStatus {
    ACCEPTED,
    REJECTED
}
