package nl.signaalpoort.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryBatchesTest {

    private static final UUID EARLIER = UUID.fromString("00000000-0000-0000-0000-00000000000e");
    private long next = 1;

    private OutboxEntry entry(String municipality, UUID batch) {
        return new OutboxEntry(next++, UUID.randomUUID(), municipality, 0, Instant.EPOCH, false, batch);
    }

    @Test
    void newEntriesFormBatchesOfTheirMunicipalitysSizeInOrder() {
        List<OutboxEntry> due = List.of(entry("A", null), entry("B", null), entry("A", null), entry("A", null), entry("B", null));
        List<List<OutboxEntry>> batches = DeliveryBatches.group(due, code -> code.equals("A") ? 2 : 10);

        assertThat(batches).hasSize(3);
        assertThat(batches.get(0)).extracting(OutboxEntry::outboxId).containsExactly(1L, 3L);
        assertThat(batches.get(1)).extracting(OutboxEntry::outboxId).containsExactly(2L, 5L);
        assertThat(batches.get(2)).extracting(OutboxEntry::outboxId).containsExactly(4L);
        batches.forEach(b -> assertThat(b).extracting(OutboxEntry::deliveryBatchId).containsOnly(b.get(0).deliveryBatchId()).doesNotContainNull());
    }

    @Test
    void anEntryClaimedBeforeKeepsItsBatchWhateverTheSize() {
        List<OutboxEntry> due = List.of(entry("A", EARLIER), entry("A", EARLIER), entry("A", EARLIER), entry("A", null));
        List<List<OutboxEntry>> batches = DeliveryBatches.group(due, code -> 2);

        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).hasSize(3).extracting(OutboxEntry::deliveryBatchId).containsOnly(EARLIER);
        assertThat(batches.get(1)).hasSize(1).extracting(OutboxEntry::deliveryBatchId).doesNotContain(EARLIER);
    }

    @Test
    void aBatchCutByTheClaimLimitWaitsAndSoDoesEverythingBehindItForThatMunicipality() {
        List<OutboxEntry> due = List.of(entry("A", EARLIER), entry("B", null), entry("A", null));
        List<OutboxEntry> claimed = DeliveryBatches.complete(DeliveryBatches.group(due, code -> 5), Map.of(EARLIER, 2));

        assertThat(claimed).extracting(OutboxEntry::municipalityCode).containsExactly("B");
        assertThat(DeliveryBatches.complete(DeliveryBatches.group(due, code -> 5), Map.of(EARLIER, 1))).hasSize(3);
    }
}
