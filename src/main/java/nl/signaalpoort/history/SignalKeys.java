package nl.signaalpoort.history;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The signal being annotated: its id, partner, amount, arrival, and its pseudonyms under every key
 * in the ring (so signals stored before a key rotation are found too).
 */
public record SignalKeys(UUID signalId, String partnerId, long totalAmountCents, Instant receivedAt,
        Set<String> persons, Set<String> households, Set<String> tolerant) {
}
