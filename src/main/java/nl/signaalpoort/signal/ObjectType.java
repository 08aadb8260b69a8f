package nl.signaalpoort.signal;

/** What the address is: only a dwelling counts for housing signals. */
public enum ObjectType {
    DWELLING,
    GARAGE,
    BUSINESS_PREMISES,
    OTHER
}
