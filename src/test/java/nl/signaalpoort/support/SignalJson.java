package nl.signaalpoort.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Partner-side JSON signals for integration tests, built as a tree: a valid early signal for
 * today, to be changed one field at a time ({@link #set} also takes values the contract refuses).
 */
public final class SignalJson {

    /** A postcode in Amsterdam (GM0363) and one in Utrecht (GM0344), per routes/postcode-municipality.csv. */
    public static final String AMSTERDAM = "1012 LG";
    public static final String UTRECHT = "3511AB";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode root = NODES.objectNode();

    private SignalJson(String reference) {
        LocalDate today = LocalDate.now();
        root.put("reference", reference).put("kind", "EARLY").put("signalDate", today.minusDays(1).toString());
        root.putObject("debtor").put("initials", "j.p.").put("surname", "van der Berg").put("birthDate", "1980-04-12");
        root.putObject("address").put("street", "Damrak").put("houseNumber", 12).put("houseNumberAddition", "a")
                .put("postcode", AMSTERDAM).put("city", "Teststad");
        root.putObject("contact").put("phone", "06 12345678").put("email", "J.vdBerg@Example.NL");
        root.putObject("arrears").put("totalAmount", new BigDecimal("130.00")).put("termAmount", new BigDecimal("61.25"))
                .put("termsOverdue", 2).put("remindersSent", 2)
                .put("oldestDueDate", today.minusDays(75).toString()).put("newestDueDate", today.minusDays(45).toString());
    }

    /** A valid signal with this reference. */
    public static SignalJson of(String reference) {
        return new SignalJson(reference);
    }

    public static String uniqueReference(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** The usual signal at a postcode with a total, as JSON text. */
    public static String signal(String reference, String postcode, String totalAmount) {
        return of(reference).postcode(postcode).total(totalAmount).json();
    }

    /** A health insurer's signal: premium part, deductible on top, one reminder, 45 days overdue. */
    public static String healthSignal(String reference, String postcode, String premium, String deductible, String total) {
        return of(reference).postcode(postcode).total(total).health(premium, deductible).json();
    }

    public SignalJson postcode(String postcode) {
        return set("address.postcode", postcode);
    }

    /** The total in euros, as a JSON number exactly as written (so {@code 245.505} stays over-precise). */
    public SignalJson total(String euros) {
        return set("arrears.totalAmount", new BigDecimal(euros));
    }

    public SignalJson surname(String surname) {
        return set("debtor.surname", surname);
    }

    public SignalJson givenNames(String initials, String givenNames) {
        return set("debtor.initials", initials).set("debtor.givenNames", givenNames);
    }

    public SignalJson birthDate(String birthDate) {
        return set("debtor.birthDate", birthDate);
    }

    public SignalJson street(String street) {
        return set("address.street", street);
    }

    public SignalJson contact(String phone, String email) {
        return set("contact.phone", phone).set("contact.email", email);
    }

    /** A health insurer's amounts: the premium part and the deductible on top, no amount per term. */
    public SignalJson health(String premium, String deductible) {
        remove("arrears.termAmount");
        return set("arrears.premiumAmount", new BigDecimal(premium)).set("arrears.deductibleAmount", new BigDecimal(deductible));
    }

    /**
     * Sets a field by its dotted path ({@code address.postcode}) to any value, the contract's or
     * not: a string, a number, a boolean, a JSON node; null removes it.
     */
    public SignalJson set(String path, Object value) {
        ObjectNode parent = parentOf(path);
        String name = path.substring(path.lastIndexOf('.') + 1);
        if (value == null) {
            parent.remove(name);
        } else if (value instanceof JsonNode node) {
            parent.set(name, node);
        } else if (value instanceof BigDecimal number) {
            parent.put(name, number);
        } else if (value instanceof Integer number) {
            parent.put(name, number);
        } else if (value instanceof Boolean flag) {
            parent.put(name, flag);
        } else {
            parent.put(name, value.toString());
        }
        return this;
    }

    public SignalJson remove(String path) {
        return set(path, null);
    }

    public ObjectNode node() {
        return root.deepCopy();
    }

    public String json() {
        return root.toString();
    }

    @Override
    public String toString() {
        return json();
    }

    private ObjectNode parentOf(String path) {
        ObjectNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        return node;
    }
}
