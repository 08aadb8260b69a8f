package nl.signaalpoort.delivery;

import java.util.List;
import java.util.UUID;
import nl.signaalpoort.security.tls.ClientTls;
import nl.signaalpoort.routing.DeliveryType;
import nl.signaalpoort.store.OutboxEntry;

/**
 * Signals for one municipality, and notices of withdrawn ones, in outbox order, delivered together
 * and marked together. A notice is always behind its signal: in a later batch, or in the same one,
 * where the municipality reads the signals before the withdrawals.
 */
public record DeliveryBatch(UUID batchId, String municipalityCode, DeliveryType type, String endpoint,
        List<OutboxEntry> entries, List<MunicipalSignal> documents, List<MunicipalWithdrawal> withdrawals) {

    /** A batch is its id: the default record hash would walk every document of the batch (Camel hashes exchange values). */
    @Override
    public boolean equals(Object other) {
        return other instanceof DeliveryBatch b && b.batchId.equals(batchId);
    }

    @Override
    public int hashCode() {
        return batchId.hashCode();
    }

    /** The endpoint as the REST delivery's Camel URI: over https with the gateway's client certificate. */
    public String httpUri() {
        return ClientTls.camelUri(endpoint);
    }

    @Override
    public String toString() {
        return "DeliveryBatch[" + batchId + ", municipality=" + municipalityCode + ", entries=" + entries.size() + "]";
    }
}
