package nl.signaalpoort.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import nl.signaalpoort.json.Mappers;
import nl.signaalpoort.signal.Money;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/**
 * Binds one signal, as a JSON tree, to the canonical model: the one binding every channel uses
 * (REST bodies, CSV rows, XML batch files, SOAP). Strict: unknown fields, fractional counts and over-precise amounts are
 * refused, with the field's name and never its value.
 */
public final class SignalBinder {

    /** The strict binding mapper ({@link Mappers#BINDING}). */
    public static final JsonMapper MAPPER = Mappers.BINDING;

    private SignalBinder() {
    }

    /**
     * An XML element's text as a JSON value, for the channels that carry signals as XML (batch
     * files, SOAP): trimmed, and an empty element is an absent field (null), like an empty CSV cell.
     */
    public static JsonNode xmlText(String text) {
        String value = text == null ? "" : text.strip();
        return value.isEmpty() ? null : MAPPER.getNodeFactory().textNode(value);
    }

    public static Submission bind(JsonNode node) {
        JsonNode ref = node.get("reference");
        String reference = ref != null && ref.isTextual() ? ref.asText() : null;
        if (!node.isObject()) {
            return Submission.unreadable(null, List.of(Rejection.of(ReasonCode.MALFORMED_FIELD)));
        }
        try {
            return Submission.of(MAPPER.treeToValue(node, Signal.class));
        } catch (JsonProcessingException e) {
            return Submission.unreadable(reference, List.of(rejectionFor(e)));
        }
    }

    /** Names the field and the kind of problem; never the value, which may be personal data. */
    static Rejection rejectionFor(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException mapping) {
            field = mapping.getPath().stream()
                    .map(JsonMappingException.Reference::getFieldName)
                    .filter(name -> name != null)
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                field = null;
            }
        }
        if (e instanceof UnrecognizedPropertyException) {
            return Rejection.of(ReasonCode.UNKNOWN_FIELD, field);
        }
        Class<?> target = e instanceof InvalidFormatException format ? format.getTargetType()
                : e instanceof ValueInstantiationException inst ? inst.getType().getRawClass() : null;
        if (target == Money.class || (field != null && field.endsWith("Amount"))) {
            return Rejection.of(ReasonCode.INVALID_AMOUNT, field);
        }
        if (target == LocalDate.class || (field != null && field.endsWith("Date"))) {
            return Rejection.of(ReasonCode.INVALID_DATE, field);
        }
        return Rejection.of(ReasonCode.MALFORMED_FIELD, field);
    }
}
