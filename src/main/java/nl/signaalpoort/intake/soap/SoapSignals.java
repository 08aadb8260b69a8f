package nl.signaalpoort.intake.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.signaalpoort.intake.SignalBinder;
import nl.signaalpoort.intake.Submission;
import nl.signaalpoort.intake.soap.contract.batch.Signal;

/**
 * A SOAP signal as the JSON shape every channel binds ({@link SignalBinder}): the generated types
 * carry the canonical names, so the tree maps one to one. As in the XML batch format, values are
 * trimmed and an empty element is an absent field.
 */
final class SoapSignals {

    private SoapSignals() {
    }

    static Submission toSubmission(Signal signal) {
        return SignalBinder.bind(clean(SignalBinder.MAPPER.valueToTree(signal)));
    }

    private static ObjectNode clean(JsonNode node) {
        ObjectNode out = SignalBinder.MAPPER.createObjectNode();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        for (Map.Entry<String, JsonNode> field : fields) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                ObjectNode group = clean(value);
                if (!group.isEmpty()) {
                    out.set(field.getKey(), group);
                }
            } else if (value.isTextual() && !value.asText().isBlank()) {
                out.put(field.getKey(), value.asText().trim());
            }
        }
        return out;
    }
}
