package nl.signaalpoort.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import nl.signaalpoort.json.Mappers;

/** JSON for stored columns ({@link Mappers#STORED}), independent of the web layer's settings so stored data never changes shape by accident. */
final class StoreJson {

    private static final ObjectMapper MAPPER = Mappers.STORED;

    private StoreJson() {
    }

    static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // No message from the value: it may hold personal data.
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName());
        }
    }

    static String toText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName());
        }
    }

    static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stored " + type.getSimpleName());
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stored JSON");
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stored " + type.getSimpleName());
        }
    }
}
