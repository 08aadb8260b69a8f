package nl.signaalpoort.store;

import java.util.UUID;

/** A claimed outbox entry: which signal goes to which municipality, and how often it was tried. */
public record OutboxEntry(long outboxId, UUID signalId, String municipalityCode, int attempts) {
}
