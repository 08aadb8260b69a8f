package nl.signaalpoort.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed outbox entry: which signal goes to which municipality, how often it was tried, when it
 * was received (the start of its delivery latency), whether it is urgent, and the delivery it
 * belongs to (fixed at its first claim and kept until delivered: the batch id and Idempotency-Key
 * of every send of it).
 */
public record OutboxEntry(long outboxId, UUID signalId, String municipalityCode, int attempts, Instant createdAt, boolean urgent,
        UUID deliveryBatchId) {
}
