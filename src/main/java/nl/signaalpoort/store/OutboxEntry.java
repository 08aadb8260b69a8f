package nl.signaalpoort.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed outbox entry: which signal (or which signal's withdrawal notice, {@code kind}) goes to
 * which municipality, how often it was tried, when it was received (the start of its delivery
 * latency), whether it is urgent, and the delivery it belongs to (fixed at its first claim and
 * kept until delivered: the batch id and Idempotency-Key of every send of it).
 */
public record OutboxEntry(long outboxId, UUID signalId, String municipalityCode, int attempts, Instant createdAt, boolean urgent,
        UUID deliveryBatchId, OutboxKind kind) {

    /** A signal's own entry. */
    public OutboxEntry(long outboxId, UUID signalId, String municipalityCode, int attempts, Instant createdAt, boolean urgent,
            UUID deliveryBatchId) {
        this(outboxId, signalId, municipalityCode, attempts, createdAt, urgent, deliveryBatchId, OutboxKind.SIGNAL);
    }

    /** The same entry in the delivery {@code batch}. */
    public OutboxEntry inBatch(UUID batch) {
        return new OutboxEntry(outboxId, signalId, municipalityCode, attempts, createdAt, urgent, batch, kind);
    }

    public boolean isWithdrawal() {
        return kind == OutboxKind.WITHDRAWAL;
    }
}
