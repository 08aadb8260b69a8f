package nl.signaalpoort.routing;

/** How a municipality receives its signals. */
public enum DeliveryType {
    /** Each signal written as a JSON file into the municipality's folder (the demo default). */
    FILE,
    /** A JSON batch POSTed to the municipality's endpoint (contracts/municipal). */
    REST,
    /** Each signal written as a JSON file to the municipality's own SFTP server, host key checked. */
    SFTP,
    /** A batch sent as SOAP 1.1 document/literal to the municipality's service (contracts/wsdl). */
    SOAP
}
