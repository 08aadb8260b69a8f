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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.store.OutboxEntry;
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
 * slow or failing municipality never holds up another. Per municipality: one delivery at a time
 * (bulkhead, which keeps the order), a circuit breaker, and a time limit per call. The delivery
 * itself is the Camel route for the municipality's delivery type.
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
    private final ExecutorService calls;

    public DeliveryDispatcher(OutboxRepository outbox, BatchAssembler assembler, OutboxLedger ledger, MunicipalResilience resilience,
            MunicipalityRegistry municipalities, ProducerTemplate camel, DeliveryProperties properties, Clock clock, CamelContext camelContext) {
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
        this.calls = Executors.newCachedThreadPool(named("delivery-call"));
    }

    /** One poll: claim what is due for municipalities that can take it, and start their deliveries. */
    public int dispatchDue() {
        Instant now = clock.instant();
        Set<String> skip = new HashSet<>(resilience.unavailable());
        municipalities.all().stream().map(Municipality::code).filter(code -> !routeRunning(code)).forEach(skip::add);
        List<OutboxEntry> due = outbox.claimDue(now, now.plus(properties.lease()), properties.claimLimit(), skip);
        Map<String, List<OutboxEntry>> byMunicipality = new LinkedHashMap<>();
        due.forEach(e -> byMunicipality.computeIfAbsent(e.municipalityCode(), k -> new ArrayList<>()).add(e));
        byMunicipality.forEach((code, entries) -> {
            Bulkhead bulkhead = resilience.bulkhead(code);
            if (!bulkhead.tryAcquirePermission()) {
                outbox.release(entries);
                return;
            }
            try {
                workers.execute(() -> {
                    try {
                        deliver(code, entries);
                    } finally {
                        bulkhead.onComplete();
                    }
                });
            } catch (RuntimeException rejected) {
                bulkhead.onComplete();
                outbox.release(entries);
            }
        });
        return due.size();
    }

    private void deliver(String code, List<OutboxEntry> entries) {
        Municipality municipality = municipalities.byCode(code)
                .orElseThrow(() -> new IllegalStateException("outbox holds signals for unregistered municipality " + code));
        CircuitBreaker breaker = resilience.breaker(code);
        List<DeliveryBatch> batches;
        try {
            batches = assembler.batches(municipality, entries);
        } catch (RuntimeException e) {
            LOG.error("cannot assemble delivery municipality={} signals={} error={}", code, entries.size(), e.getClass().getName());
            outbox.release(entries);
            return;
        }
        for (int i = 0; i < batches.size(); i++) {
            DeliveryBatch batch = batches.get(i);
            if (!breaker.tryAcquirePermission()) {
                // Breaker opened meanwhile: what is left waits, untried, in order.
                outbox.release(remaining(batches, i));
                return;
            }
            long start = System.nanoTime();
            try {
                call(batch);
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                ledger.delivered(batch);
            } catch (Exception e) {
                Exception cause = unwrap(e);
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, cause);
                ledger.failed(batch, cause);
                outbox.release(remaining(batches, i + 1));
                return;
            }
        }
    }

    /** The Camel route for the delivery type, within the time limit. */
    private void call(DeliveryBatch batch) throws Exception {
        resilience.timeLimiter().executeFutureSupplier(() -> CompletableFuture.runAsync(() -> {
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

    private static List<OutboxEntry> remaining(List<DeliveryBatch> batches, int from) {
        List<OutboxEntry> rest = new ArrayList<>();
        for (int i = from; i < batches.size(); i++) {
            rest.addAll(batches.get(i).entries());
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

    /** Stops taking work; deliveries in flight finish or their leases expire and another node takes over. */
    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        calls.shutdownNow();
    }

    /** Carries a Camel route's failure out of the call thread. */
    static final class DeliveryFailedException extends RuntimeException {
        DeliveryFailedException(Exception cause) {
            super(cause.getClass().getName(), cause, false, false);
        }
    }
}
