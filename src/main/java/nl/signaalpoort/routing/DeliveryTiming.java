package nl.signaalpoort.routing;

/** When a municipality takes its signals. Crisis and end-of-supply signals always go at once. */
public enum DeliveryTiming {
    /** As soon as they are accepted. */
    IMMEDIATE,
    /** Once a day at the municipality's {@code dailyAt} time (Dutch time). */
    DAILY
}
