package nl.signaalpoort.store;

import java.time.Instant;
import java.util.UUID;
import nl.signaalpoort.signal.Pseudonyms;
import nl.signaalpoort.signal.Signal;

/**
 * An accepted signal ready to be stored with its receipt and outbox entry. Its personal part
 * arrives already encrypted; the store never sees it in the clear.
 *
 * @param pseudonyms     the signal's keyed pseudonyms, as the pseudonymiser made them
 * @param ruleSet        the rule set version the signal passed
 * @param firstAttemptAt when its delivery is first due (at once, or at the municipality's daily time)
 * @param urgent         whether it goes in the urgent lane (routing's Urgency: crisis, end of supply, a warm
 *                       handover where the municipality asks)
 * @param personalData   debtor, address and contact, sealed
 * @param updatesSignalId for an update: the earlier signal it updates; null otherwise
 * @param caseSignalId   for an update: the first signal of the case it continues (whose delivery starts the
 *                       case's clock); null otherwise
 */
public record NewSignal(
        UUID signalId,
        String partnerId,
        Signal signal,
        String municipalityCode,
        Pseudonyms pseudonyms,
        RuleSetVersion ruleSet,
        Instant receivedAt,
        Instant firstAttemptAt,
        boolean urgent,
        SealedPersonalData personalData,
        UUID updatesSignalId,
        UUID caseSignalId) {

    public NewSignal(UUID signalId, String partnerId, Signal signal, String municipalityCode, Pseudonyms pseudonyms, RuleSetVersion ruleSet,
            Instant receivedAt, Instant firstAttemptAt, boolean urgent, SealedPersonalData personalData) {
        this(signalId, partnerId, signal, municipalityCode, pseudonyms, ruleSet, receivedAt, firstAttemptAt, urgent, personalData, null, null);
    }

    /** A version of a partner's rule set. */
    public record RuleSetVersion(String id, String version) {
    }

    /**
     * Personal data under envelope encryption: the ciphertext, its data key wrapped by the master
     * key named, so only a holder of that master key can open it.
     */
    public record SealedPersonalData(String masterKeyId, byte[] wrappedDataKey, byte[] ciphertext) {
    }
}
