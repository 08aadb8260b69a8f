package nl.signaalpoort.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.signaalpoort.store.HistoryRepository;
import nl.signaalpoort.store.RelatedSignal;
import org.springframework.stereotype.Component;

/** Annotates a batch of signals with one history query per chunk, instead of one per signal. */
@Component
public class SignalHistory {

    private final HistoryRepository repository;
    private final HistoryProperties properties;
    private final HistoryAnnotator annotator;

    public SignalHistory(HistoryRepository repository, HistoryProperties properties) {
        this.repository = repository;
        this.properties = properties;
        this.annotator = new HistoryAnnotator(properties);
    }

    public Map<UUID, Annotations> annotate(List<SignalKeys> signals) {
        if (signals.isEmpty()) {
            return Map.of();
        }
        Set<String> persons = new HashSet<>();
        Set<String> households = new HashSet<>();
        Set<String> tolerant = new HashSet<>();
        Instant earliest = signals.get(0).receivedAt();
        for (SignalKeys s : signals) {
            persons.addAll(s.persons());
            households.addAll(s.households());
            tolerant.addAll(s.tolerant());
            earliest = s.receivedAt().isBefore(earliest) ? s.receivedAt() : earliest;
        }
        Instant since = properties.lookBackFrom(earliest);
        List<RelatedSignal> related = repository.related(persons, households, tolerant, since);
        // Indexed by pseudonym once, so each signal looks only at its own candidates: linear in batch plus history.
        Map<String, List<RelatedSignal>> byKey = new HashMap<>();
        for (RelatedSignal r : related) {
            for (String key : new String[] {"P" + r.personPseudonym(), "H" + r.householdPseudonym(), "T" + r.tolerantPseudonym()}) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        Map<UUID, Annotations> result = new LinkedHashMap<>();
        for (SignalKeys s : signals) {
            Set<RelatedSignal> candidates = new LinkedHashSet<>();
            s.persons().forEach(k -> candidates.addAll(byKey.getOrDefault("P" + k, List.of())));
            s.households().forEach(k -> candidates.addAll(byKey.getOrDefault("H" + k, List.of())));
            s.tolerant().forEach(k -> candidates.addAll(byKey.getOrDefault("T" + k, List.of())));
            result.put(s.signalId(), annotator.annotate(s, List.copyOf(candidates)));
        }
        return result;
    }
}
