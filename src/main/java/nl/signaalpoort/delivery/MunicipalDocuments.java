package nl.signaalpoort.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.json.Mappers;
import org.springframework.stereotype.Component;

/** The JSON municipal software receives: one document per file drop, or a batch for REST. */
@Component(Routes.MUNICIPAL_DOCUMENTS)
public class MunicipalDocuments {

    /** The REST delivery body: a batch id and the signals, in outbox order. */
    public record Batch(UUID batchId, List<MunicipalSignal> signalen) {
    }

    public byte[] signalJson(MunicipalSignal signal) throws JsonProcessingException {
        return Mappers.OUTBOUND.writerWithDefaultPrettyPrinter().writeValueAsBytes(signal);
    }

    public byte[] batchJson(DeliveryBatch batch) throws JsonProcessingException {
        return Mappers.OUTBOUND.writeValueAsBytes(new Batch(batch.batchId(), batch.documents()));
    }
}
