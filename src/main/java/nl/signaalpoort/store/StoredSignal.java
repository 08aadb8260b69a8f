package nl.signaalpoort.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.signaalpoort.signal.Arrears;
import nl.signaalpoort.signal.SignalKind;

/**
 * A stored signal, loaded to deliver it to its municipality: the criteria of the rule set it passed
 * (as recorded by the rule set audit: each rule's code and its parameters) and its personal data,
 * still encrypted (null once shredded).
 */
public record StoredSignal(
        UUID signalId,
        String partnerId,
        SignalKind kind,
        LocalDate signalDate,
        boolean crisis,
        boolean warmHandover,
        LocalDate endOfSupplyDate,
        String municipalityCode,
        String personPseudonym,
        Arrears arrears,
        String ruleSetId,
        String ruleSetVersion,
        Instant receivedAt,
        JsonNode ruleSetCriteria,
        String masterKeyId,
        byte[] wrappedDataKey,
        byte[] personalCiphertext,
        UUID updatesSignalId) {
}
