package nl.signaalpoort.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in the three OpenAPI contracts (request and response bodies, and examples on
 * schemas) is valid against the schema beside it, in the OpenAPI 3.0 dialect, so an example
 * cannot go stale when a schema changes.
 */
class ContractExamplesTest {

    private static final List<String> CONTRACTS = List.of("contracts/openapi/signaalpoort-v1.yaml",
            "contracts/openapi/partner-feedback-push-v1.yaml", "contracts/municipal/municipal-delivery-v1.yaml");

    /** Amounts stay exact decimals, as the gateway reads them. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    /** One example with the JSON pointer of the schema it must follow. */
    record Example(String contract, String where, String schemaPointer, JsonNode value) {
        @Override
        public String toString() {
            return contract.substring(contract.lastIndexOf('/') + 1) + " " + where;
        }
    }

    static Stream<Arguments> examples() throws Exception {
        List<Example> found = new ArrayList<>();
        for (String contract : CONTRACTS) {
            collect(contract, YAML.readTree(Path.of(contract).toFile()), "", found);
        }
        assertThat(found).as("examples found").hasSizeGreaterThan(20);
        return found.stream().map(Arguments::of);
    }

    /** Walks the document: a media type with a schema and examples, or a schema with an example. */
    private static void collect(String contract, JsonNode node, String pointer, List<Example> found) {
        if (!node.isObject()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collect(contract, node.get(i), pointer + "/" + i, found);
                }
            }
            return;
        }
        boolean mediaType = node.has("schema") && !pointer.endsWith("/properties");
        if (mediaType && node.has("example")) {
            found.add(new Example(contract, pointer + "/example", pointer + "/schema", node.get("example")));
        }
        if (mediaType && node.has("examples")) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node.get("examples")::fields) {
                found.add(new Example(contract, pointer + "/examples/" + e.getKey(), pointer + "/schema", e.getValue().get("value")));
            }
        }
        boolean schema = !mediaType && node.has("example") && (node.has("type") || node.has("$ref") || node.has("allOf"));
        if (schema && pointer.contains("/schema")) {
            found.add(new Example(contract, pointer + "/example", pointer, node.get("example")));
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                collect(contract, e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), found);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleFollowsItsSchema(Example example) {
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(Path.of(example.contract()).toAbsolutePath().toUri() + "#"
                + example.schemaPointer()), CONFIG);

        Set<ValidationMessage> problems = schema.validate(example.value());

        assertThat(problems).as("%s", example).isEmpty();
    }
}
