package nl.signaalpoort.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.store.RetentionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destroys personal data a set period after its case closed, or at the latest a set period after
 * it arrived, by deleting its wrapped data key and ciphertext. The pseudonymous signal row,
 * outcomes and feedback stay, so statistics and history by pseudonym remain.
 */
@Component(Routes.RETENTION_JOB)
public class RetentionJob {

    /** What one run destroyed: personal data of closed and of expired signals, quarantined files. */
    public record Report(int afterClose, int pastMaxAge, int quarantinedFiles) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final int CHUNK = 1_000;

    private final RetentionRepository repository;
    private final RetentionProperties properties;
    private final Clock clock;
    private final Counter shredded;
    private final Counter expiredFiles;

    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final PartnerFiles files;

    public RetentionJob(RetentionRepository repository, RetentionProperties properties, Clock clock, MeterRegistry meters,
            AuditTrail audit, TransactionTemplate transactions, PartnerFiles files) {
        this.files = files;
        this.audit = audit;
        this.transactions = transactions;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.shredded = Counter.builder("signaalpoort.retention.shredded")
                .description("Signals whose personal data was destroyed by the retention job").register(meters);
        this.expiredFiles = Counter.builder("signaalpoort.retention.quarantine.deleted")
                .description("Quarantined (refused) files deleted after the quarantine period").register(meters);
    }

    public Report run() {
        return runAt(clock.instant());
    }

    /** One run as if the time were {@code now}. */
    public Report runAt(Instant now) {
        Instant closedCutoff = now.atOffset(ZoneOffset.UTC).minus(properties.afterClose()).toInstant();
        Instant ageCutoff = now.atOffset(ZoneOffset.UTC).minus(properties.maxAge()).toInstant();
        int afterClose = drain(() -> repository.closedBefore(closedCutoff, CHUNK), now);
        int pastMaxAge = drain(() -> repository.receivedBefore(ageCutoff, CHUNK), now);
        if (afterClose + pastMaxAge > 0) {
            LOG.info("retention shredded personal data of {} closed and {} expired signals", afterClose, pastMaxAge);
        }
        try {
            int leftovers = files.sweepLeftovers(properties.staleFiles());
            if (leftovers > 0) {
                LOG.info("retention removed {} temporary files left by an interrupted write", leftovers);
            }
        } catch (java.io.IOException e) {
            LOG.warn("retention could not sweep temporary files: {}", e.getClass().getName());
        }
        int quarantined = 0;
        try {
            quarantined = files.expireQuarantine(now.minus(properties.quarantine()));
            if (quarantined > 0) {
                expiredFiles.increment(quarantined);
                LOG.info("retention deleted {} quarantined files older than {}", quarantined, properties.quarantine());
            }
        } catch (java.io.IOException e) {
            LOG.warn("retention could not expire quarantined files: {}", e.getClass().getName());
        }
        return new Report(afterClose, pastMaxAge, quarantined);
    }

    private int drain(java.util.function.Supplier<List<UUID>> due, Instant now) {
        int total = 0;
        List<UUID> batch;
        while (!(batch = due.get()).isEmpty()) {
            List<UUID> ids = batch;
            int n = transactions.execute(tx -> {
                List<UUID> shred = repository.shred(ids, now);
                audit.record(shred.stream().map(id -> AuditEntry.aboutSignal(AuditEntry.Actor.GATEWAY,
                        AuditAction.PERSONAL_DATA_SHREDDED, id)).toList());
                return shred.size();
            });
            total += n;
            shredded.increment(n);
            if (n == 0) {
                break;
            }
        }
        return total;
    }
}
