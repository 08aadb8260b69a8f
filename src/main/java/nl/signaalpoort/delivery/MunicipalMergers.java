package nl.signaalpoort.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.routing.DeliverySchedule;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.store.MergerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * From a herindeling's day on, the merged municipality's open work is its successor's (route
 * {@value Routes#MUNICIPAL_MERGERS}, on the leader): signals still to deliver go to the successor,
 * and cases without a final outcome are the successor's to report on (and to be auto-closed for).
 * New signals already resolve to the successor ({@code MunicipalityResolver}). Idempotent.
 */
@Component(Routes.MUNICIPAL_MERGERS_BEAN)
public class MunicipalMergers {

    private static final Logger LOG = LoggerFactory.getLogger(MunicipalMergers.class);

    private final MunicipalityRegistry municipalities;
    private final MergerRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    public MunicipalMergers(MunicipalityRegistry municipalities, MergerRepository repository, AuditTrail audit, Clock clock) {
        this.municipalities = municipalities;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Moves what there is to move; returns how many signals moved. */
    public int run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DeliverySchedule.DUTCH_TIME);
        int signals = 0;
        for (Municipality m : municipalities.all()) {
            if (!m.mergedBy(today)) {
                continue;
            }
            MergerRepository.Moved moved = repository.moveOpenWork(m.code(), m.mergedInto().code(), now);
            if (moved.any()) {
                audit.record(AuditEntry.about(AuditEntry.Actor.GATEWAY, AuditAction.MUNICIPALITY_MERGED, AuditEntry.SubjectType.MUNICIPALITY,
                        m.code(), "successor", m.mergedInto().code(), "since", m.mergedInto().on(), "signals", moved.signals(),
                        "deliveries", moved.deliveries()));
                LOG.info("merged municipality={} successor={} signals={} deliveries={}", m.code(), m.mergedInto().code(), moved.signals(),
                        moved.deliveries());
                signals += moved.signals();
            }
        }
        return signals;
    }
}
