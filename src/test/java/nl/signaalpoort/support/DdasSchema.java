package nl.signaalpoort.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The DDAS-Vroegsignalering v1.2 schema in contracts/monitor, with formats (dates, e-mail) asserted. */
public final class DdasSchema {

    public static final Path FILE = Path.of("contracts/monitor/ddas-vroegsignalering-v1.2.schema.json");

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(FILE.toAbsolutePath().toUri().toString()),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private DdasSchema() {
    }

    /** What is wrong with the document; empty when it follows the model. */
    public static List<String> problems(JsonNode document) {
        Set<ValidationMessage> messages = SCHEMA.validate(document);
        List<String> problems = new ArrayList<>();
        messages.forEach(m -> problems.add(m.getMessage()));
        return problems;
    }

    /** A value list of the schema, by its name under $defs. */
    public static List<String> values(String enumeration) throws IOException {
        List<String> values = new ArrayList<>();
        new ObjectMapper().readTree(FILE.toFile()).at("/$defs/" + enumeration + "/enum").forEach(v -> values.add(v.asText()));
        return values;
    }
}
