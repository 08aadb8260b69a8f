package nl.signaalpoort.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import nl.signaalpoort.cluster.ClusterNode;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.routing.RoutingProperties;
import nl.signaalpoort.store.OutboxEntry;
import nl.signaalpoort.store.OutboxLane;
import nl.signaalpoort.store.OutboxRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

/**
 * When the dispatcher claims: at every poll, and at once after a worker delivered a backlog's
 * claim (more than one batch), so that a draining municipality does not wait a poll interval
 * between claims. Against the demo registry (Utrecht and Amsterdam by FILE, batches of 100).
 */
class DeliveryDispatcherTest {

    private static final String UTRECHT = "GM0344";
    private static final String AMSTERDAM = "GM0363";

    /** The regular lane's claims, one list per claim, as the database would hand them out; the urgent lane is empty. */
    private static final class Outbox extends OutboxRepository {
        final Deque<List<OutboxEntry>> claims = new ArrayDeque<>();
        final AtomicInteger regularClaims = new AtomicInteger();

        Outbox() {
            super(new org.springframework.jdbc.core.JdbcTemplate(), null);
        }

        @Override
        public synchronized List<OutboxEntry> claimDue(OutboxLane lane, Instant now, Instant leaseUntil, String owner, int limit,
                Collection<String> skip, ToIntFunction<String> batchSize) {
            if (lane.urgent()) {
                return List.of();
            }
            regularClaims.incrementAndGet();
            return claims.isEmpty() ? List.of() : claims.poll();
        }

        @Override
        public int releaseAll(String owner) {
            return 0;
        }
    }

    /** Delivers by noting what it got; {@code outcome} says whether every batch went. */
    private static final class Delivery extends ClaimDelivery {
        final List<List<OutboxEntry>> delivered = new CopyOnWriteArrayList<>();
        volatile boolean outcome = true;

        Delivery(Outbox outbox, MunicipalResilience resilience, MunicipalityRegistry municipalities, DeliveryProperties properties,
                OutboxLeases leases) {
            super(outbox, null, null, resilience, municipalities, null, properties, leases);
        }

        @Override
        boolean deliver(String code, List<OutboxEntry> entries, OutboxLeases.Claim claim) {
            delivered.add(entries);
            return outcome;
        }
    }

    // One worker per lane: a worker's tasks run one after the other, so what a delivery set off is done before the next starts.
    private final DeliveryProperties properties = new DeliveryProperties(Duration.ofHours(1), 5000, Duration.ofSeconds(45),
            Duration.ofSeconds(5), Duration.ofSeconds(1), 12, Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofMinutes(30), 1,
            Duration.ofSeconds(30), new DeliveryProperties.Breaker(50, 5, 10, Duration.ofMinutes(1)));
    private final MunicipalityRegistry municipalities = new MunicipalityRegistry(
            new RoutingProperties(new FileSystemResource("routes/municipalities.yaml"), null, java.time.Duration.ofMinutes(5)));
    private final Outbox outbox = new Outbox();
    private final MunicipalResilience resilience = new MunicipalResilience(properties, municipalities, new SimpleMeterRegistry());
    private final OutboxLeases leases = new OutboxLeases(outbox, new ClusterNode("node-a", null, new SimpleMeterRegistry()), properties,
            Clock.systemUTC());
    private final Delivery delivery = new Delivery(outbox, resilience, municipalities, properties, leases);
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final DeliveryDispatcher dispatcher = new DeliveryDispatcher(outbox, delivery, resilience, municipalities, properties,
            Clock.systemUTC(), camel, leases);

    @AfterEach
    void stop() throws Exception {
        dispatcher.stop();
        camel.close();
    }

    private static List<OutboxEntry> entries(String code, int n) {
        UUID batch = UUID.randomUUID();
        return IntStream.range(0, n)
                .mapToObj(i -> new OutboxEntry(i, UUID.randomUUID(), code, 0, Instant.now(), false, batch))
                .toList();
    }

    @Test
    void aBacklogIsClaimedAgainAsSoonAsItsClaimIsDeliveredWithoutWaitingForAPoll() {
        outbox.claims.add(entries(UTRECHT, 250));
        outbox.claims.add(entries(UTRECHT, 250));
        outbox.claims.add(entries(UTRECHT, 40));

        dispatcher.dispatchDue();

        // One poll, and the poll interval is an hour: the second and third claims came after the deliveries.
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery.delivered.size() == 3);
        assertThat(delivery.delivered).extracting(List::size).containsExactly(250, 250, 40);
        assertThat(outbox.regularClaims).hasValue(3);
    }

    @Test
    void aClaimOfOneBatchOrOneNotDeliveredWholeWaitsForTheNextPoll() {
        outbox.claims.add(entries(UTRECHT, 100));
        dispatcher.dispatchDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery.delivered.size() == 1);

        delivery.outcome = false;
        outbox.claims.add(entries(UTRECHT, 300));
        dispatcher.dispatchDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery.delivered.size() == 2);

        // A last poll: its delivery runs on the one worker after whatever the two before set off.
        delivery.outcome = true;
        outbox.claims.add(entries(AMSTERDAM, 1));
        dispatcher.dispatchDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery.delivered.size() == 3);
        assertThat(delivery.delivered.get(2)).extracting(OutboxEntry::municipalityCode).containsOnly(AMSTERDAM);
        assertThat(outbox.regularClaims).hasValue(3);
    }
}
