package nl.signaalpoort.intake.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import nl.signaalpoort.intake.SignalBinder;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Arrears;
import nl.signaalpoort.signal.Contact;
import nl.signaalpoort.signal.Debtor;
import nl.signaalpoort.signal.Signal;

/**
 * The columns of a batch file: the canonical model's leaf names, which are unique, so each column
 * says where its value goes. Derived from the model itself, so file and JSON can never differ.
 */
public final class BatchColumns {

    /** Leaf name to its group in the JSON shape ({@code null} for top-level fields). */
    private static final Map<String, String> GROUP = new HashMap<>();

    static {
        Map<String, Class<?>> groups = Map.of("debtor", Debtor.class, "address", Address.class, "contact", Contact.class,
                "arrears", Arrears.class);
        for (RecordComponent c : Signal.class.getRecordComponents()) {
            if (!groups.containsKey(c.getName())) {
                GROUP.put(c.getName(), null);
            }
        }
        groups.forEach((group, type) -> {
            for (RecordComponent c : type.getRecordComponents()) {
                if (GROUP.containsKey(c.getName())) {
                    throw new IllegalStateException("leaf name used twice: " + c.getName());
                }
                GROUP.put(c.getName(), group);
            }
        });
    }

    private BatchColumns() {
    }

    public static boolean isKnown(String column) {
        return GROUP.containsKey(column);
    }

    /** One row as the JSON shape the binder takes; empty cells are absent fields. */
    public static ObjectNode toJson(String[] header, String[] values) {
        ObjectNode node = SignalBinder.MAPPER.createObjectNode();
        for (int i = 0; i < header.length; i++) {
            String value = values[i];
            if (value == null || value.isEmpty()) {
                continue;
            }
            String group = GROUP.get(header[i]);
            (group == null ? node : node.withObjectProperty(group)).put(header[i], value);
        }
        return node;
    }
}
