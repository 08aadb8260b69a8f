package nl.signaalpoort.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed outbox entry: which signal goes to which municipality, how often it was tried, and
 * when it was received (the start of its delivery latency) and whether it is urgent.
 */
public record OutboxEntry(long outboxId, UUID signalId, String municipalityCode, int attempts, Instant createdAt, boolean urgent) {
}
