package nl.signaalpoort.support;

import java.time.LocalDate;
import java.util.UUID;

/** Builds partner-side JSON signals for integration tests; every call gives a fresh reference. */
public final class SignalJson {

    /** A postcode in Amsterdam (GM0363) and one in Utrecht (GM0344), per routes/postcode-municipality.csv. */
    public static final String AMSTERDAM = "1012 LG";
    public static final String UTRECHT = "3511AB";

    private SignalJson() {
    }

    public static String uniqueReference(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** A health insurer's signal: premium part, deductible on top, one reminder, 45 days overdue. */
    public static String healthSignal(String reference, String postcode, String premium, String deductible, String total) {
        return signal(reference, postcode, total).replace("\"termAmount\":61.25",
                "\"premiumAmount\":" + premium + ",\"deductibleAmount\":" + deductible);
    }

    public static String signal(String reference, String postcode, String totalAmount) {
        return signal(reference, postcode, totalAmount, "van der Berg", "06 12345678", "J.vdBerg@Example.NL", "1980-04-12", "Damrak");
    }

    public static String signal(String reference, String postcode, String totalAmount, String surname, String phone,
            String email, String birthDate, String street) {
        LocalDate today = LocalDate.now();
        return """
                {"reference":"%s","kind":"EARLY","signalDate":"%s",
                 "debtor":{"initials":"j.p.","surname":"%s","birthDate":"%s"},
                 "address":{"street":"%s","houseNumber":12,"houseNumberAddition":"a","postcode":"%s","city":"Teststad"},
                 "contact":{"phone":"%s","email":"%s"},
                 "arrears":{"totalAmount":%s,"termAmount":61.25,"termsOverdue":2,"remindersSent":2,
                            "oldestDueDate":"%s","newestDueDate":"%s"}}"""
                .formatted(reference, today.minusDays(1), surname, birthDate, street, postcode, phone, email, totalAmount,
                        today.minusDays(75), today.minusDays(45));
    }
}
