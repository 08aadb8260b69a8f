package nl.signaalpoort.store;

import java.time.Instant;
import java.util.UUID;

/** An earlier signal found by pseudonym: only what history needs, nothing personal. */
public record RelatedSignal(UUID signalId, String partnerId, long totalAmountCents, Instant receivedAt,
        String personPseudonym, String householdPseudonym, String tolerantPseudonym) {
}
