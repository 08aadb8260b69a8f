package nl.signaalpoort.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.List;
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
import nl.signaalpoort.store.OutboxRepository;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers what one claim holds for one municipality, on the worker {@link DeliveryDispatcher}
 * gave it: the batches in order behind the municipality's circuit breaker, each call within the
 * time limit, through the Camel route of its delivery type. The municipality's answer and
 * recording it are kept apart: an acknowledged batch is recorded when the database answers, and
 * is not sent again because it was away.
 */
@Component
public class ClaimDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimDelivery.class);

    private final OutboxRepository outbox;
    private final BatchAssembler assembler;
    private final OutboxLedger ledger;
    private final MunicipalResilience resilience;
    private final MunicipalityRegistry municipalities;
    private final ProducerTemplate camel;
    private final DeliveryProperties properties;
    private final OutboxLeases leases;
    private final ExecutorService calls = Executors.newCachedThreadPool(DeliveryDispatcher.named("delivery-call"));
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(DeliveryDispatcher.named("delivery-timeout"));
    private volatile boolean stopping;

    public ClaimDelivery(OutboxRepository outbox, BatchAssembler assembler, OutboxLedger ledger, MunicipalResilience resilience,
            MunicipalityRegistry municipalities, ProducerTemplate camel, DeliveryProperties properties, OutboxLeases leases) {
        this.outbox = outbox;
        this.assembler = assembler;
        this.ledger = ledger;
        this.resilience = resilience;
        this.municipalities = municipalities;
        this.camel = camel;
        this.properties = properties;
        this.leases = leases;
    }

    /**
     * Delivers a claim's batches in order, one call at a time. While the municipality receives one
     * batch, the next is prepared (loaded, decrypted, annotated) on this worker; the next call
     * starts only after the one before is answered and recorded. True when every batch was
     * delivered and recorded.
     */
    boolean deliver(String code, List<OutboxEntry> entries, OutboxLeases.Claim claim) {
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
                return false;
            }
            if (!breaker.tryAcquirePermission()) {
                // Breaker opened meanwhile: what is left waits, untried, in order.
                outbox.release(remaining(groups, i), leases.owner());
                return false;
            }
            if (current.batch() == null) {
                breaker.releasePermission();
                LOG.error("cannot assemble delivery municipality={} signals={} error={}", code, groups.get(i).size(),
                        current.error().getClass().getName());
                outbox.release(remaining(groups, i), leases.owner());
                return false;
            }
            DeliveryBatch batch = current.batch();
            long start = System.nanoTime();
            CompletionStage<Void> sending = send(batch);
            next = i + 1 < groups.size() ? prepare(municipality, groups.get(i + 1)) : null;
            Exception failure = answer(sending);
            if (failure != null) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                ledger.failed(batch, failure, leases.owner());
                outbox.release(remaining(groups, i + 1), leases.owner());
                return false;
            }
            // The municipality has the batch: whatever happens to the database now is not the municipality's failure.
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (!recordDelivered(batch)) {
                return false;
            }
        }
        return true;
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

    /** Waits for the call's answer: its failure (what went wrong, not its wrapping), or null when the municipality took the batch. */
    private static Exception answer(CompletionStage<Void> sending) {
        try {
            sending.toCompletableFuture().get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return unwrap(e);
        }
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

    /** Carries a Camel route's failure out of the call thread. */
    static final class DeliveryFailedException extends RuntimeException {
        DeliveryFailedException(Exception cause) {
            super(cause.getClass().getName(), cause, false, false);
        }
    }

    /** The node is stopping: an acknowledged batch the database cannot record yet is left pending, under its batch id. */
    void stopping() {
        stopping = true;
    }

    /** After the workers ended: calls still hanging are given up. */
    void close() {
        calls.shutdownNow();
        timeouts.shutdownNow();
    }
}
