package nl.signaalpoort.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.json.Mappers;
import org.springframework.stereotype.Component;

/** The JSON municipal software receives: one document per file drop (a signal, or a withdrawal notice), or a batch for REST. */
@Component(Routes.MUNICIPAL_DOCUMENTS)
public class MunicipalDocuments {

    /**
     * The REST delivery body: a batch id, the signals in outbox order, and the notices of withdrawn
     * signals (absent when there are none; read after the signals).
     */
    public record Batch(UUID batchId, List<MunicipalSignal> signalen,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MunicipalWithdrawal> intrekkingen) {
    }

    public byte[] signalJson(MunicipalSignal signal) throws JsonProcessingException {
        return Mappers.OUTBOUND.writerWithDefaultPrettyPrinter().writeValueAsBytes(signal);
    }

    public byte[] batchJson(DeliveryBatch batch) throws JsonProcessingException {
        return Mappers.OUTBOUND.writeValueAsBytes(new Batch(batch.batchId(), batch.documents(), batch.withdrawals()));
    }

    public byte[] withdrawalJson(MunicipalWithdrawal withdrawal) throws JsonProcessingException {
        return Mappers.OUTBOUND.writerWithDefaultPrettyPrinter().writeValueAsBytes(withdrawal);
    }
}
