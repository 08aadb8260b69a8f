package nl.signaalpoort.support;

import java.time.LocalDate;
import java.util.List;

/** Batch files in the CSV format of contracts/batch/csv-format.md, with valid signals a test can name. */
public final class SignalCsv {

    public static final String HEADER = "reference;kind;signalDate;initials;surname;birthDate;street;houseNumber;postcode;city;"
            + "totalAmount;termsOverdue;remindersSent;oldestDueDate;newestDueDate";

    private SignalCsv() {
    }

    /** One early signal, two terms and two reminders overdue, dated relative to today. */
    public static String row(String reference, String postcode, String amount) {
        LocalDate today = LocalDate.now();
        return String.join(";", reference, "EARLY", today.minusDays(1).toString(), "j.", "Jansen", "1980-04-12", "Damrak", "12",
                postcode, "Teststad", amount, "2", "2", today.minusDays(70).toString(), today.minusDays(40).toString());
    }

    /** A whole file: the header and one valid row per reference, for the postcode given. */
    public static String file(List<String> references, String postcode) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        references.forEach(r -> csv.append(row(r, postcode, "130.00")).append('\n'));
        return csv.toString();
    }
}
