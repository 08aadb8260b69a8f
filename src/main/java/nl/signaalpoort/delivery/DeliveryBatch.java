package nl.signaalpoort.delivery;

import java.util.List;
import java.util.UUID;
import nl.signaalpoort.routing.DeliveryType;
import nl.signaalpoort.store.OutboxEntry;

/** Signals for one municipality, in outbox order, delivered together and marked together. */
public record DeliveryBatch(UUID batchId, String municipalityCode, DeliveryType type, String endpoint,
        List<OutboxEntry> entries, List<MunicipalSignal> documents) {

    @Override
    public String toString() {
        return "DeliveryBatch[" + batchId + ", municipality=" + municipalityCode + ", signals=" + entries.size() + "]";
    }
}
