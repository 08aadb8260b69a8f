package nl.signaalpoort.delivery;

import io.github.resilience4j.bulkhead.Bulkhead;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.store.OutboxEntry;
import nl.signaalpoort.store.OutboxLane;
import nl.signaalpoort.store.OutboxRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Claims due outbox entries and hands each municipality's share to a worker of its own, so one
 * slow or failing municipality never holds up another. Per municipality and lane (urgent signals
 * have their own, {@link OutboxLane}): one delivery at a time (bulkhead here, the claim's lease
 * across nodes, which keeps the order). {@link ClaimDelivery} delivers what a worker got.
 */
@Component(Routes.DELIVERY_DISPATCHER)
public class DeliveryDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final OutboxRepository outbox;
    private final ClaimDelivery delivery;
    private final MunicipalResilience resilience;
    private final MunicipalityRegistry municipalities;
    private final CamelContext camelContext;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final ExecutorService workers;
    private final ExecutorService urgentWorkers;
    private final OutboxLeases leases;

    public DeliveryDispatcher(OutboxRepository outbox, ClaimDelivery delivery, MunicipalResilience resilience,
            MunicipalityRegistry municipalities, DeliveryProperties properties, Clock clock, CamelContext camelContext, OutboxLeases leases) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.resilience = resilience;
        this.municipalities = municipalities;
        this.properties = properties;
        this.clock = clock;
        this.camelContext = camelContext;
        this.leases = leases;
        this.workers = Executors.newFixedThreadPool(properties.workers(), named("delivery-worker"));
        this.urgentWorkers = Executors.newFixedThreadPool(properties.workers(), named("delivery-urgent"));
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
                    boolean backlog = false;
                    try {
                        backlog = delivery.deliver(code, entries, claim) && entries.size() > batchSize(code);
                    } catch (RuntimeException e) {
                        // The database failed while giving entries back or recording a failure: their lease runs out instead.
                        LOG.warn("delivery municipality={} ended without its outcome recorded: {}", code, e.getClass().getName());
                    } finally {
                        leases.done(claim);
                        bulkhead.onComplete();
                    }
                    if (backlog) {
                        claimAgain(lane, pool);
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

    /**
     * A claim of more than one batch, all delivered, means a backlog: the lane is claimed again at
     * once instead of at the next poll, so a draining municipality does not wait a poll interval
     * after every claim.
     */
    private void claimAgain(OutboxLane lane, ExecutorService pool) {
        if (pool.isShutdown()) {
            return;
        }
        try {
            dispatch(lane, pool);
        } catch (RuntimeException e) {
            // The next poll tries again.
            LOG.warn("claim after a delivery failed: {}", e.getClass().getName());
        }
    }

    private int batchSize(String municipalityCode) {
        return municipalities.byCode(municipalityCode).map(m -> m.delivery().batchSize()).orElse(1);
    }

    /** An operator may have suspended delivery to this municipality (route deliver-to-<code>). */
    private boolean routeRunning(String municipalityCode) {
        ServiceStatus status = camelContext.getRouteController().getRouteStatus(Routes.DELIVER_TO_PREFIX + municipalityCode);
        return status == null || status == ServiceStatus.Started;
    }

    /** Daemon threads named for what they do (thread dumps, JFR). */
    static ThreadFactory named(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix + "-");
        threads.setDaemon(true);
        return threads;
    }

    /** Stops taking work; deliveries in flight finish, then every claim still held is given back for the other node. */
    @PreDestroy
    void stop() throws InterruptedException {
        delivery.stopping();
        workers.shutdown();
        urgentWorkers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        urgentWorkers.awaitTermination(10, TimeUnit.SECONDS);
        delivery.close();
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            LOG.warn("could not give back outbox leases on stop ({}): they run out after {}", e.getClass().getName(), properties.lease());
        }
    }

}
