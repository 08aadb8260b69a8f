package nl.signaalpoort.delivery;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.store.OutboxEntry;
import nl.signaalpoort.store.OutboxLane;
import nl.signaalpoort.store.OutboxRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Claims due outbox entries and delivers each municipality's share on a worker of its own, so one
 * slow or failing municipality never holds up another. Per municipality and lane (urgent signals
 * have their own, {@link OutboxLane}): one delivery at a time (bulkhead here, the claim's lease
 * across nodes, which keeps the order); per municipality a circuit breaker, and a
 * time limit per call. The delivery itself is the Camel route for the municipality's delivery type.
 * The municipality's answer and recording it are kept apart: an acknowledged batch is recorded when
 * the database answers, and is not sent again because it was away.
 */
@Component(Routes.DELIVERY_DISPATCHER)
public class DeliveryDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final OutboxRepository outbox;
    private final BatchAssembler assembler;
    private final OutboxLedger ledger;
    private final MunicipalResilience resilience;
    private final MunicipalityRegistry municipalities;
    private final ProducerTemplate camel;
    private final CamelContext camelContext;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final ExecutorService workers;
    private final ExecutorService urgentWorkers;
    private final ExecutorService calls;
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(named("delivery-timeout"));
    private final OutboxLeases leases;
    private volatile boolean stopping;

    public DeliveryDispatcher(OutboxRepository outbox, BatchAssembler assembler, OutboxLedger ledger, MunicipalResilience resilience,
            MunicipalityRegistry municipalities, ProducerTemplate camel, DeliveryProperties properties, Clock clock, CamelContext camelContext,
            OutboxLeases leases) {
        this.leases = leases;
        this.camelContext = camelContext;
        this.outbox = outbox;
        this.assembler = assembler;
        this.ledger = ledger;
        this.resilience = resilience;
        this.municipalities = municipalities;
        this.camel = camel;
        this.properties = properties;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.workers(), named("delivery-worker"));
        this.urgentWorkers = Executors.newFixedThreadPool(properties.workers(), named("delivery-urgent"));
        this.calls = Executors.newCachedThreadPool(named("delivery-call"));
    }

    /**
     * One poll: claim what is due for municipalities that can take it, and start their deliveries.
     * The urgent lane first, on workers of its own, so a crisis signal neither waits for the
     * municipality's regular delivery in flight nor for a free regular worker.
     */
    public int dispatchDue() {
        return dispatch(OutboxLane.URGENT, urgentWorkers) + dispatch(OutboxLane.REGULAR, workers);
    }

    private int dispatch(OutboxLane lane, ExecutorService pool) {
        Instant now = clock.instant();
        Set<String> skip = new HashSet<>(resilience.unavailable(lane));
        municipalities.all().stream().map(Municipality::code).filter(code -> !routeRunning(code)).forEach(skip::add);
        Instant leaseUntil = now.plus(properties.lease());
        List<OutboxEntry> due = outbox.claimDue(lane, now, leaseUntil, leases.owner(), properties.claimLimit(), skip, this::batchSize);
        Map<String, List<OutboxEntry>> byMunicipality = new LinkedHashMap<>();
        due.forEach(e -> byMunicipality.computeIfAbsent(e.municipalityCode(), k -> new ArrayList<>()).add(e));
        byMunicipality.forEach((code, entries) -> {
            Bulkhead bulkhead = resilience.bulkhead(code, lane);
            if (!bulkhead.tryAcquirePermission()) {
                outbox.release(entries, leases.owner());
                return;
            }
            OutboxLeases.Claim claim = leases.hold(entries, leaseUntil);
            try {
                pool.execute(() -> {
                    try {
                        deliver(code, entries, claim);
                    } catch (RuntimeException e) {
                        // The database failed while giving entries back or recording a failure: their lease runs out instead.
                        LOG.warn("delivery municipality={} ended without its outcome recorded: {}", code, e.getClass().getName());
                    } finally {
                        leases.done(claim);
                        bulkhead.onComplete();
                    }
                });
            } catch (RuntimeException rejected) {
                leases.done(claim);
                bulkhead.onComplete();
                outbox.release(entries, leases.owner());
            }
        });
        return due.size();
    }

    private int batchSize(String municipalityCode) {
        return municipalities.byCode(municipalityCode).map(m -> m.delivery().batchSize()).orElse(1);
    }

    /**
     * Delivers a claim's batches in order, one call at a time. While the municipality receives one
     * batch, the next is prepared (loaded, decrypted, annotated) on this worker; the next call
     * starts only after the one before is answered and recorded.
     */
    private void deliver(String code, List<OutboxEntry> entries, OutboxLeases.Claim claim) {
        Municipality municipality = municipalities.byCode(code)
                .orElseThrow(() -> new IllegalStateException("outbox holds signals for unregistered municipality " + code));
        CircuitBreaker breaker = resilience.breaker(code);
        List<List<OutboxEntry>> groups = BatchAssembler.groups(entries);
        Prepared next = prepare(municipality, groups.get(0));
        for (int i = 0; i < groups.size(); i++) {
            Prepared current = next;
            if (!leases.mayStartCall(claim)) {
                // The lease could run out during the call (the database has not answered renewals): another node may take over.
                LOG.warn("delivery municipality={} paused: lease not renewed, {} signals left to the next claim", code,
                        remaining(groups, i).size());
                outbox.release(remaining(groups, i), leases.owner());
                return;
            }
            if (!breaker.tryAcquirePermission()) {
                // Breaker opened meanwhile: what is left waits, untried, in order.
                outbox.release(remaining(groups, i), leases.owner());
                return;
            }
            if (current.batch() == null) {
                breaker.releasePermission();
                LOG.error("cannot assemble delivery municipality={} signals={} error={}", code, groups.get(i).size(),
                        current.error().getClass().getName());
                outbox.release(remaining(groups, i), leases.owner());
                return;
            }
            DeliveryBatch batch = current.batch();
            long start = System.nanoTime();
            CompletionStage<Void> sending = send(batch);
            next = i + 1 < groups.size() ? prepare(municipality, groups.get(i + 1)) : null;
            try {
                sending.toCompletableFuture().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                ledger.failed(batch, e, leases.owner());
                outbox.release(remaining(groups, i + 1), leases.owner());
                return;
            } catch (ExecutionException e) {
                Exception cause = unwrap(e);
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, cause);
                ledger.failed(batch, cause, leases.owner());
                outbox.release(remaining(groups, i + 1), leases.owner());
                return;
            }
            // The municipality has the batch: whatever happens to the database now is not the municipality's failure.
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (!recordDelivered(batch)) {
                return;
            }
        }
    }

    /** A batch ready to send, or why it could not be made (the database, a shredded signal). */
    private record Prepared(DeliveryBatch batch, RuntimeException error) {
    }

    private Prepared prepare(Municipality municipality, List<OutboxEntry> group) {
        try {
            return new Prepared(assembler.batch(municipality, group), null);
        } catch (RuntimeException e) {
            return new Prepared(null, e);
        }
    }

    /**
     * Records an acknowledged batch, retrying while the database is away, so that it is never sent
     * again because of the outage. Meanwhile this municipality's next entries wait (its bulkhead is
     * held). False only when the node stops first: the entries stay pending under the same batch
     * id, and their next send is recognisably the same delivery.
     */
    private boolean recordDelivered(DeliveryBatch batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                ledger.delivered(batch);
                if (attempt > 1) {
                    LOG.info("delivery batch={} municipality={} recorded after {} attempts", batch.batchId(), batch.municipalityCode(), attempt);
                }
                return true;
            } catch (RuntimeException e) {
                if (attempt == 1) {
                    LOG.warn("delivery batch={} municipality={} acknowledged but not recorded yet ({}); retrying every {}",
                            batch.batchId(), batch.municipalityCode(), e.getClass().getName(), properties.recordRetry());
                }
                if (stopping) {
                    return false;
                }
                try {
                    Thread.sleep(properties.recordRetry().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** The Camel route for the delivery type, started now, within the time limit (counted from now). */
    private CompletionStage<Void> send(DeliveryBatch batch) {
        return resilience.timeLimiter().executeCompletionStage(timeouts, () -> CompletableFuture.runAsync(() -> {
            Exchange result = camel.send(Routes.deliverToUri(batch.municipalityCode()), exchange -> {
                exchange.setProperty(Routes.BATCH_PROPERTY, batch);
                exchange.getIn().setBody(batch);
            });
            if (result.getException() != null) {
                throw new DeliveryFailedException(result.getException());
            }
        }, calls));
    }

    /** An operator may have suspended delivery to this municipality (route deliver-to-<code>). */
    private boolean routeRunning(String municipalityCode) {
        ServiceStatus status = camelContext.getRouteController().getRouteStatus(Routes.DELIVER_TO_PREFIX + municipalityCode);
        return status == null || status == ServiceStatus.Started;
    }

    private static Exception unwrap(Exception e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof DeliveryFailedException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof Exception ex ? ex : e;
    }

    private static List<OutboxEntry> remaining(List<List<OutboxEntry>> groups, int from) {
        List<OutboxEntry> rest = new ArrayList<>();
        for (int i = from; i < groups.size(); i++) {
            rest.addAll(groups.get(i));
        }
        return rest;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops taking work; deliveries in flight finish, then every claim still held is given back for the other node. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        workers.shutdown();
        urgentWorkers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        urgentWorkers.awaitTermination(10, TimeUnit.SECONDS);
        calls.shutdownNow();
        timeouts.shutdownNow();
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            LOG.warn("could not give back outbox leases on stop ({}): they run out after {}", e.getClass().getName(), properties.lease());
        }
    }

    /** Carries a Camel route's failure out of the call thread. */
    static final class DeliveryFailedException extends RuntimeException {
        DeliveryFailedException(Exception cause) {
            super(cause.getClass().getName(), cause, false, false);
        }
    }
}
