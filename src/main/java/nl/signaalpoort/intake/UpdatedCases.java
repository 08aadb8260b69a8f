package nl.signaalpoort.intake;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * @param updates an update's reference to the reference it names
     * @return the case each update continues, by the update's reference; an update missing from it
     *         names no accepted signal of this partner
     */
    Map<String, CaseLink> of(String partnerId, Map<String, String> updates) {
        if (updates.isEmpty()) {
            return Map.of();
        }
        Map<String, CaseLink> earlier = signals.cases(partnerId, List.copyOf(new HashSet<>(updates.values())));
        Map<String, CaseLink> byUpdate = new HashMap<>();
        updates.forEach((update, named) -> {
            CaseLink link = earlier.get(named);
            if (link != null) {
                byUpdate.put(update, link);
            }
        });
        return byUpdate;
    }
}
