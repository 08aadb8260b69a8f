package nl.signaalpoort.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.cluster.ClusterNode;
import nl.signaalpoort.store.OutboxEntry;
import nl.signaalpoort.store.OutboxRepository;
import nl.signaalpoort.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** When a call may start, and when the lease a node holds is extended: against the node's own clock. */
class OutboxLeasesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** The outbox's lease statements as the database would answer them, or fail them. */
    private static final class Outbox extends OutboxRepository {
        final List<Collection<UUID>> renewed = new ArrayList<>();
        boolean away;

        Outbox() {
            super(new org.springframework.jdbc.core.JdbcTemplate(), null);
        }

        @Override
        public int renewLeases(String owner, Collection<UUID> batches, Instant now, Instant leaseUntil) {
            if (away) {
                throw new DataAccessResourceFailureException("database away");
            }
            renewed.add(batches);
            return batches.size();
        }

        @Override
        public int releaseAll(String owner) {
            return 0;
        }
    }

    private final MovableClock clock = new MovableClock(T0);
    private final Outbox outbox = new Outbox();
    private final DeliveryProperties properties = new DeliveryProperties(Duration.ofMillis(250), 100, Duration.ofSeconds(45),
            Duration.ofSeconds(5), Duration.ofSeconds(1), 12, Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofMinutes(30), 4,
            Duration.ofSeconds(30), new DeliveryProperties.Breaker(50, 5, 10, Duration.ofMinutes(1)));
    private final OutboxLeases leases = new OutboxLeases(outbox, new ClusterNode("node-a", null, new SimpleMeterRegistry()), properties, clock);

    private OutboxLeases.Claim claim() {
        UUID batch = UUID.randomUUID();
        return leases.hold(List.of(new OutboxEntry(1, UUID.randomUUID(), "GM0344", 0, T0, false, batch)), T0.plus(properties.lease()));
    }

    @Test
    void aCallStartsOnlyWhileTheLeaseOutlastsAWholeCallTimeout() {
        OutboxLeases.Claim claim = claim();
        assertThat(leases.mayStartCall(claim)).isTrue();
        clock.now = T0.plusSeconds(15);
        assertThat(leases.mayStartCall(claim)).isTrue();
        clock.now = T0.plusSeconds(16);
        assertThat(leases.mayStartCall(claim)).isFalse();
    }

    @Test
    void aRenewalThatGotThroughExtendsTheLeaseAndOneThatDidNotLeavesIt() {
        OutboxLeases.Claim claim = claim();
        clock.now = T0.plusSeconds(10);
        assertThat(leases.renew()).isEqualTo(1);
        clock.now = T0.plusSeconds(25);
        assertThat(leases.mayStartCall(claim)).isTrue();

        outbox.away = true;
        clock.now = T0.plusSeconds(20);
        assertThatThrownBy(leases::renew).isInstanceOf(DataAccessResourceFailureException.class);
        // Still the limit the last renewal that got through gave: 10 s + 45 s.
        clock.now = T0.plusSeconds(26);
        assertThat(leases.mayStartCall(claim)).isFalse();
    }

    @Test
    void aLeaseThatRanOutIsNotRenewedAndAFinishedClaimNeither() {
        OutboxLeases.Claim expired = claim();
        OutboxLeases.Claim finished = claim();
        leases.done(finished);
        clock.now = T0.plusSeconds(46);
        assertThat(leases.renew()).isZero();
        assertThat(outbox.renewed).isEmpty();
        assertThat(leases.mayStartCall(expired)).isFalse();
    }
}
