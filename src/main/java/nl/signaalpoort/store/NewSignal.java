package nl.signaalpoort.store;

import java.time.Instant;
import java.util.UUID;
import nl.signaalpoort.signal.Signal;

/**
 * An accepted signal ready to be stored with its receipt and outbox entry. Its personal part
 * arrives already encrypted ({@code masterKeyId}, {@code wrappedDataKey}, {@code personalCiphertext});
 * the store never sees it in the clear.
 */
public record NewSignal(
        UUID signalId,
        String partnerId,
        Signal signal,
        String municipalityCode,
        String personPseudonym,
        String householdPseudonym,
        String tolerantPseudonym,
        String pseudonymKeyId,
        String ruleSetId,
        String ruleSetVersion,
        Instant receivedAt,
        Instant firstAttemptAt,
        String masterKeyId,
        byte[] wrappedDataKey,
        byte[] personalCiphertext) {
}
