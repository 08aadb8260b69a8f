package nl.signaalpoort.store;

import java.time.Instant;
import java.util.UUID;

/** The receipt stored for an accepted reference. */
public record StoredReceipt(String reference, UUID signalId, Instant issuedAt) {
}
