package nl.signaalpoort.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Every Jackson mapper of the gateway, named for what it is for. Each is configured here and
 * nowhere else, so the JSON partners send, the JSON the gateway stores and the documents it sends
 * cannot drift apart by accident. All are thread-safe and shared.
 */
public final class Mappers {

    /**
     * What organisations send, on every channel (REST bodies, CSV rows, XML batch files and SOAP
     * bodies, all bound as JSON trees): strict. Unknown fields, fractional counts, trailing content
     * are refused; amounts are read as exact decimals.
     */
    public static final JsonMapper BINDING = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /**
     * The HTTP API (Spring MVC's mapper, see config/JacksonConfig): reads request bodies as strictly
     * as {@link #BINDING}; writes answers with ISO dates and without absent (null) members, and
     * problem+json bodies (RFC 9457) with their extension members at the top level.
     */
    public static final JsonMapper WEB = BINDING.rebuild()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    /**
     * JSON columns in the database. Independent of every other mapper, so stored data never changes
     * shape because an API setting changed; lenient on reading, since old rows must stay readable.
     */
    public static final JsonMapper STORED = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * Documents that leave the gateway: signals for municipalities (files, REST batches) and
     * feedback pushed to partners. ISO dates, absent members left out, as the contracts say.
     */
    public static final JsonMapper OUTBOUND = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** The same documents as XML, for SOAP delivery (contracts/wsdl/municipal-delivery-v1.xsd). */
    public static final XmlMapper OUTBOUND_XML = XmlMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** The YAML operators maintain (routes/*.yaml registries) and the YAML contracts: an unknown key is an error. */
    public static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Mappers() {
    }
}
