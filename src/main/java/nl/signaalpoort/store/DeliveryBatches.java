package nl.signaalpoort.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * How claimed outbox entries form delivery batches: an entry claimed before keeps its batch (a
 * re-send is the same delivery); new entries of a municipality form new batches of its size, in
 * claim order. A batch goes out whole or waits.
 */
final class DeliveryBatches {

    private DeliveryBatches() {
    }

    /** The entries in batches, each entry carrying its batch id, batches in the order their first entry came. */
    static List<List<OutboxEntry>> group(List<OutboxEntry> due, ToIntFunction<String> batchSize) {
        Map<UUID, List<OutboxEntry>> batches = new LinkedHashMap<>();
        Map<String, UUID> open = new HashMap<>();
        for (OutboxEntry entry : due) {
            UUID batch = entry.deliveryBatchId();
            if (batch == null) {
                String code = entry.municipalityCode();
                batch = open.get(code);
                if (batch == null || batches.get(batch).size() >= Math.max(1, batchSize.applyAsInt(code))) {
                    batch = UUID.randomUUID();
                    open.put(code, batch);
                }
                entry = entry.inBatch(batch);
            }
            batches.computeIfAbsent(batch, b -> new ArrayList<>()).add(entry);
        }
        return List.copyOf(batches.values());
    }

    /**
     * The batches to claim: new ones, and earlier ones of which every pending entry is among them
     * ({@code pendingPerBatch}; a claim limit can cut a batch, and part of a batch is never sent).
     * Behind a cut batch its municipality's later batches wait too, so none overtakes it.
     */
    static List<OutboxEntry> complete(List<List<OutboxEntry>> batches, Map<UUID, Integer> pendingPerBatch) {
        List<OutboxEntry> claimed = new ArrayList<>();
        Set<String> cut = new HashSet<>();
        for (List<OutboxEntry> batch : batches) {
            String code = batch.get(0).municipalityCode();
            Integer pending = pendingPerBatch.get(batch.get(0).deliveryBatchId());
            if (pending != null && pending > batch.size()) {
                cut.add(code);
            }
            if (!cut.contains(code)) {
                claimed.addAll(batch);
            }
        }
        return claimed;
    }
}
