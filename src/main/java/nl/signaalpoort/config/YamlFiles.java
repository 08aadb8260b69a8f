package nl.signaalpoort.config;

import java.io.IOException;
import java.io.InputStream;
import nl.signaalpoort.json.Mappers;
import org.springframework.core.io.Resource;

/** Reads the operator-maintained YAML registries under {@code routes/} strictly: an unknown key is a start-up error. */
public final class YamlFiles {

    private YamlFiles() {
    }

    public static <T> T read(Resource resource, Class<T> type) {
        try (InputStream in = resource.getInputStream()) {
            return Mappers.YAML.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }

}
