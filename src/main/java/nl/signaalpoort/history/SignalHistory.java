package nl.signaalpoort.history;

import java.time.Instant;
import java.util.HashSet;
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
        Map<UUID, Annotations> result = new LinkedHashMap<>();
        for (SignalKeys s : signals) {
            result.put(s.signalId(), annotator.annotate(s, related));
        }
        return result;
    }
}
