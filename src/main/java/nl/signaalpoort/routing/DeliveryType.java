package nl.signaalpoort.routing;

/** How a municipality receives its signals. */
public enum DeliveryType {
    /** Each signal written as a JSON file into the municipality's folder (the demo default). */
    FILE,
    /** A JSON batch POSTed to the municipality's endpoint (contracts/municipal). */
    REST
}
