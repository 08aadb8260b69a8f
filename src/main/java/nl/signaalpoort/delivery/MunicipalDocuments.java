package nl.signaalpoort.delivery;

import nl.signaalpoort.camel.Routes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The JSON municipal software receives: one document per file drop, or a batch for REST. */
@Component(Routes.MUNICIPAL_DOCUMENTS)
public class MunicipalDocuments {

    /** The REST delivery body: a batch id and the signals, in outbox order. */
    public record Batch(UUID batchId, List<MunicipalSignal> signalen) {
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public byte[] signalJson(MunicipalSignal signal) throws JsonProcessingException {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(signal);
    }

    public byte[] batchJson(DeliveryBatch batch) throws JsonProcessingException {
        return mapper.writeValueAsBytes(new Batch(batch.batchId(), batch.documents()));
    }
}
