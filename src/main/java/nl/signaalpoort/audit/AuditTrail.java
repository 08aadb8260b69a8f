package nl.signaalpoort.audit;

import java.time.Clock;
import java.util.List;
import nl.signaalpoort.store.AuditRepository;
import nl.signaalpoort.store.AuditRepository.AuditRow;
import org.springframework.stereotype.Component;

/**
 * Appends entries to the audit trail. Called inside the transaction of what it records, so an
 * entry exists exactly when the thing it records happened; the entries are chained afterwards by
 * {@link AuditSealer}, off the request path.
 */
@Component
public class AuditTrail {

    private final AuditRepository repository;
    private final Clock clock;

    public AuditTrail(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void record(AuditEntry entry) {
        record(List.of(entry));
    }

    public void record(List<AuditEntry> entries) {
        var now = clock.instant();
        repository.append(entries.stream().map(e -> new AuditRow(0, now, e.actor().role().name(), e.actor().oin(), e.action().name(),
                e.subjectType().name(), e.subjectId(), e.detail(), null, null)).toList());
    }
}
