package nl.signaalpoort.intake;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.store.SignalRepository;
import nl.signaalpoort.store.SignalRepository.CaseLink;
import org.springframework.stereotype.Component;

/**
 * Finds the cases updates continue: for each update (by its own reference) the partner's earlier
 * accepted signal it names ({@code updatesReference}), in one look-up per chunk.
 */
@Component
class UpdatedCases {

    private final SignalRepository signals;

    UpdatedCases(SignalRepository signals) {
        this.signals = signals;
    }

    /** The cases the updates continue, and the updates refused, each by the update's reference. */
    record Found(Map<String, CaseLink> cases, Map<String, ReasonCode> refused) {
    }

    /**
     * @param updates an update's reference to the reference it names
     * @return the case each update continues; refused, an update that names no accepted signal of
     *         this partner ({@code UNKNOWN_UPDATED_SIGNAL}) or one the partner withdrew, whose case
     *         is closed ({@code UPDATED_SIGNAL_WITHDRAWN})
     */
    Found of(String partnerId, Map<String, String> updates) {
        if (updates.isEmpty()) {
            return new Found(Map.of(), Map.of());
        }
        Map<String, CaseLink> earlier = signals.cases(partnerId, List.copyOf(new HashSet<>(updates.values())));
        Map<String, CaseLink> byUpdate = new HashMap<>();
        Map<String, ReasonCode> refused = new HashMap<>();
        updates.forEach((update, named) -> {
            CaseLink link = earlier.get(named);
            if (link == null) {
                refused.put(update, ReasonCode.UNKNOWN_UPDATED_SIGNAL);
            } else if (link.withdrawn()) {
                refused.put(update, ReasonCode.UPDATED_SIGNAL_WITHDRAWN);
            } else {
                byUpdate.put(update, link);
            }
        });
        return new Found(byUpdate, refused);
    }
}
