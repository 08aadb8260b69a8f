package nl.signaalpoort.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.store.OutboxRepository;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records how a delivery ended. Success only after the municipality accepted the batch; a failure
 * schedules the next attempt in the database (so a restart keeps the schedule) with exponential
 * backoff and jitter, and logs the error class only, never a message that could echo a signal.
 */
@Component
public class OutboxLedger {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxLedger.class);

    private final OutboxRepository outbox;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    public OutboxLedger(OutboxRepository outbox, DeliveryProperties properties, Clock clock, MeterRegistry meters, AuditTrail audit,
            TransactionTemplate transactions) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The municipality accepted the batch: its entries are delivered, and the audit trail says so, in one transaction. */
    public void delivered(DeliveryBatch batch) {
        transactions.executeWithoutResult(tx -> {
            outbox.markDelivered(batch.entries(), clock.instant());
            audit.record(batch.entries().stream().map(e -> AuditEntry.aboutSignal(AuditEntry.Actor.GATEWAY, AuditAction.SIGNAL_DELIVERED,
                    e.signalId(), "municipality", batch.municipalityCode(), "batch", batch.batchId(), "type", batch.type()))
                    .toList());
        });
        counter(batch, "delivered").increment(batch.entries().size());
        Instant now = clock.instant();
        for (var entry : batch.entries()) {
            latency(batch.municipalityCode(), entry.urgent()).record(Duration.between(entry.createdAt(), now));
        }
        LOG.info("delivered batch={} municipality={} type={} signals={}", batch.batchId(), batch.municipalityCode(),
                batch.type(), batch.entries().size());
    }

    public void failed(DeliveryBatch batch, Exception error) {
        int attempts = batch.entries().stream().mapToInt(e -> e.attempts()).max().orElse(0) + 1;
        Instant next = clock.instant().plus(backoff(attempts));
        String errorClass = describe(error);
        outbox.markFailed(batch.entries(), next, errorClass, properties.maxAttempts(), clock.instant().minus(properties.maxAge()));
        counter(batch, "failed").increment(batch.entries().size());
        LOG.warn("delivery failed batch={} municipality={} signals={} attempt={} error={} nextAttempt={}",
                batch.batchId(), batch.municipalityCode(), batch.entries().size(), attempts, errorClass, next);
    }

    Duration backoff(int attempts) {
        return Backoff.after(attempts, properties.initialBackoff(), properties.maxBackoff());
    }

    /** The HTTP status if there is one, else the deepest cause's class: what went wrong, not Camel's wrapping. */
    public static String describe(Exception error) {
        Throwable deepest = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return "HTTP " + http.getStatusCode();
            }
            deepest = t;
        }
        return deepest.getClass().getName();
    }

    /** Receipt to the municipality's acknowledgement, per municipality; urgent signals apart, they have their own promise. */
    private Timer latency(String municipalityCode, boolean urgent) {
        return latencies.computeIfAbsent(municipalityCode + '|' + urgent, key -> Timer.builder("signaalpoort.delivery.latency")
                .description("From the partner's receipt to the municipality's acknowledgement")
                .tag("municipality", municipalityCode).tag("urgent", Boolean.toString(urgent))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50)).maximumExpectedValue(Duration.ofDays(2))
                .register(meters));
    }

    private Counter counter(DeliveryBatch batch, String result) {
        return Counter.builder("signaalpoort.delivery.signals").description("Signals delivered or failed, per municipality")
                .tag("municipality", batch.municipalityCode()).tag("result", result).register(meters);
    }
}
