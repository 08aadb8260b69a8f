package nl.signaalpoort.intake.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.signaalpoort.intake.SignalBinder;
import nl.signaalpoort.intake.Submission;
import nl.signaalpoort.intake.soap.contract.batch.Signal;

/**
 * A SOAP signal as the JSON shape every channel binds ({@link SignalBinder}): the generated types
 * carry the canonical names, so the tree maps one to one. Values follow the XML rule of
 * {@link SignalBinder#xmlText}, as in the XML batch format.
 */
final class SoapSignals {

    private SoapSignals() {
    }

    static Submission toSubmission(Signal signal) {
        return SignalBinder.bind(clean(SignalBinder.MAPPER.valueToTree(signal)));
    }

    private static ObjectNode clean(JsonNode node) {
        ObjectNode out = SignalBinder.MAPPER.createObjectNode();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue().isObject() ? clean(field.getValue())
                    : field.getValue().isTextual() ? SignalBinder.xmlText(field.getValue().asText()) : null;
            if (value != null && !(value.isObject() && value.isEmpty())) {
                out.set(field.getKey(), value);
            }
        });
        return out;
    }
}
