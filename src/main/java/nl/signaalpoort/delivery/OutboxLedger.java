package nl.signaalpoort.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.store.OutboxEntry;
import nl.signaalpoort.store.OutboxRepository;
import nl.signaalpoort.store.SignalStatusEventRepository;
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
    private final SignalStatusEventRepository statusEvents;
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    public OutboxLedger(OutboxRepository outbox, DeliveryProperties properties, Clock clock, MeterRegistry meters, AuditTrail audit,
            TransactionTemplate transactions, SignalStatusEventRepository statusEvents) {
        this.statusEvents = statusEvents;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * The municipality accepted the batch: its entries are delivered, and the audit trail says so, in
     * one transaction. Entries another node recorded already (it sent the same batch) are not
     * recorded again.
     */
    public void delivered(DeliveryBatch batch) {
        Instant now = clock.instant();
        List<OutboxEntry> recorded = transactions.execute(tx -> {
            List<OutboxEntry> newly = outbox.markDelivered(batch.entries(), now);
            // What the partners' status files tell: the signals (not the notices) now delivered.
            statusEvents.delivered(newly.stream().filter(e -> !e.isWithdrawal()).map(OutboxEntry::signalId).toList(),
                    batch.municipalityCode(), now);
            audit.record(newly.stream().map(e -> AuditEntry.aboutSignal(AuditEntry.Actor.GATEWAY,
                    e.isWithdrawal() ? AuditAction.WITHDRAWAL_DELIVERED : AuditAction.SIGNAL_DELIVERED,
                    e.signalId(), "municipality", batch.municipalityCode(), "batch", batch.batchId(), "type", batch.type()))
                    .toList());
            return newly;
        });
        counter(batch, "delivered").increment(recorded.size());
        for (var entry : recorded) {
            if (entry.isWithdrawal()) {
                continue; // the latency promise is the signal's
            }
            latency(batch.municipalityCode(), entry.urgent()).record(Duration.between(entry.createdAt(), now));
        }
        LOG.info("delivered batch={} municipality={} type={} signals={}{}", batch.batchId(), batch.municipalityCode(),
                batch.type(), batch.entries().size(), recorded.size() == batch.entries().size() ? ""
                        : " (" + (batch.entries().size() - recorded.size()) + " recorded before)");
    }

    /** A failed attempt: the whole batch waits for its next attempt, or becomes dead letters together (it stays one delivery). */
    public void failed(DeliveryBatch batch, Exception error, String owner) {
        int attempts = batch.entries().stream().mapToInt(e -> e.attempts()).max().orElse(0) + 1;
        Instant now = clock.instant();
        Instant next = now.plus(backoff(attempts));
        String errorClass = describe(error);
        Instant oldest = now.minus(properties.maxAge());
        boolean dead = attempts >= properties.maxAttempts() || batch.entries().stream().anyMatch(e -> e.createdAt().isBefore(oldest));
        transactions.executeWithoutResult(tx -> {
            int marked = outbox.markFailed(batch.entries(), owner, next, errorClass, dead);
            if (dead && marked > 0) {
                statusEvents.notDeliverable(batch.entries().stream().filter(e -> !e.isWithdrawal()).map(OutboxEntry::outboxId).toList(), now);
            }
        });
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
