package nl.signaalpoort.store;

import java.time.Instant;
import java.util.UUID;
import nl.signaalpoort.signal.Signal;

/** An accepted signal ready to be stored with its receipt and outbox entry. */
public record NewSignal(
        UUID signalId,
        String partnerId,
        Signal signal,
        String municipalityCode,
        String personPseudonym,
        String pseudonymKeyId,
        String ruleSetId,
        String ruleSetVersion,
        Instant receivedAt) {
}
