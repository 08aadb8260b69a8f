package nl.signaalpoort.support;

import java.time.LocalDate;

/** A signal's fields as XML (urn:signaalpoort:batch:v1), for batch files and SOAP bodies alike. */
public final class SignalXml {

    public static final String NAMESPACE = "urn:signaalpoort:batch:v1";

    private SignalXml() {
    }

    /**
     * The children of a {@code signal} element for a Jansen at Damrak 12, 1012LG Amsterdam, born
     * 1980-04-12, with {@code amount} overdue in two terms: valid today. Each carries the batch
     * namespace, so they fit under a {@code signal} of either namespace.
     */
    public static String fields(String reference, String amount) {
        LocalDate today = LocalDate.now();
        String ns = " xmlns=\"" + NAMESPACE + "\"";
        return "<reference" + ns + ">" + reference + "</reference>"
                + "<kind" + ns + ">EARLY</kind><signalDate" + ns + ">" + today.minusDays(1) + "</signalDate>"
                + "<debtor" + ns + "><initials>j.</initials><surname>Jansen</surname><birthDate>1980-04-12</birthDate></debtor>"
                + "<address" + ns + "><street>Damrak</street><houseNumber>12</houseNumber><postcode>1012LG</postcode>"
                + "<city>Amsterdam</city></address>"
                + "<arrears" + ns + "><totalAmount>" + amount + "</totalAmount><termsOverdue>2</termsOverdue>"
                + "<remindersSent>2</remindersSent><oldestDueDate>" + today.minusDays(70) + "</oldestDueDate><newestDueDate>"
                + today.minusDays(40) + "</newestDueDate></arrears>";
    }
}
