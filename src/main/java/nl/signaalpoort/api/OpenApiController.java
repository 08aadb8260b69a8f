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
 * at the fixed place the NL API Design Rules ask for, as JSON. The YAML file is the source of truth.
 */
@RestController
public class OpenApiController {

    private final JsonNode document;

    public OpenApiController(@Value("${signaalpoort.api.contract}") Resource contract) throws IOException {
        try (InputStream in = contract.getInputStream()) {
            this.document = Mappers.YAML.readTree(in);
        }
    }

    @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode openApi() {
        return document;
    }
}
