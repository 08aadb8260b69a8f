package nl.signaalpoort.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import nl.signaalpoort.json.Mappers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the contract the API is built against ({@code contracts/openapi/signaalpoort-v1.yaml})
 * at the fixed place the NL API Design Rules ask for: as JSON at {@value #JSON_PATH}, and as the
 * YAML file itself at {@value #YAML_PATH}. Readable without a certificate and from any origin
 * (CORS, security/SecurityConfig). The YAML file is the source of truth.
 */
@RestController
public class OpenApiController {

    public static final String JSON_PATH = "/api/v1/openapi.json";
    public static final String YAML_PATH = "/api/v1/openapi.yaml";
    /** RFC 9512. */
    static final String APPLICATION_YAML = "application/yaml";

    private final JsonNode document;
    private final byte[] yaml;

    public OpenApiController(@Value("${signaalpoort.api.contract}") Resource contract) throws IOException {
        try (InputStream in = contract.getInputStream()) {
            this.yaml = in.readAllBytes();
        }
        this.document = Mappers.YAML.readTree(yaml);
    }

    @GetMapping(path = JSON_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode openApi() {
        return document;
    }

    @GetMapping(path = YAML_PATH, produces = APPLICATION_YAML)
    public byte[] openApiYaml() {
        return yaml;
    }
}
