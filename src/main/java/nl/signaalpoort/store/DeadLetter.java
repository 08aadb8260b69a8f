package nl.signaalpoort.store;

import java.time.Instant;
import java.util.UUID;

/** A delivery that gave up, as operators see it: ids, municipality, attempts, error class. No personal data. */
public record DeadLetter(long outboxId, UUID signalId, String municipalityCode, int attempts, String lastError,
        Instant createdAt, Instant lastAttemptScheduledAt) {
}
