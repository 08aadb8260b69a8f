package nl.signaalpoort.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.Resource;

/** Reads the operator-maintained YAML registries under {@code routes/} strictly: an unknown key is a start-up error. */
public final class YamlFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private YamlFiles() {
    }

    public static <T> T read(Resource resource, Class<T> type) {
        try (InputStream in = resource.getInputStream()) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }

}
