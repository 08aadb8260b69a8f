package nl.signaalpoort.delivery;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.cluster.ClusterNode;
import nl.signaalpoort.store.OutboxEntry;
import nl.signaalpoort.store.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The leases of the deliveries this node runs. A claim's lease is short and renewed while its
 * delivery runs (route outbox-leases), so the claims of a node that died return after one lease,
 * and at once when it starts again under the same node id. A call to a municipality starts only
 * while the lease surely outlasts it (a whole call-timeout left): a node cut off from the database
 * stops starting calls before its claims can pass to another node, so two nodes never deliver the
 * same entry at once.
 */
@Component(Routes.OUTBOX_LEASES)
public class OutboxLeases {

    /** One claim being delivered here: its batches, and until when its lease surely holds. */
    public static final class Claim {

        private final Set<UUID> batches;
        private volatile Instant validUntil;

        Claim(Set<UUID> batches, Instant validUntil) {
            this.batches = batches;
            this.validUntil = validUntil;
        }

        Instant validUntil() {
            return validUntil;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutboxLeases.class);

    private final OutboxRepository outbox;
    private final ClusterNode node;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final Set<Claim> running = ConcurrentHashMap.newKeySet();

    public OutboxLeases(OutboxRepository outbox, ClusterNode node, DeliveryProperties properties, Clock clock) {
        this.outbox = outbox;
        this.node = node;
        this.properties = properties;
        this.clock = clock;
    }

    /** A node starting under the name of one that crashed takes its claims back at once: that node is gone. */
    @PostConstruct
    void takeBackClaimsOfAPreviousLife() {
        int released = outbox.releaseAll(node.id());
        if (released > 0) {
            LOG.info("released {} outbox leases this node ({}) held before it stopped", released, node.id());
        }
    }

    /** The owner written on this node's leases. */
    public String owner() {
        return node.id();
    }

    /** Starts tracking entries just claimed with a lease until {@code leaseUntil}. */
    public Claim hold(List<OutboxEntry> entries, Instant leaseUntil) {
        Claim claim = new Claim(Set.copyOf(entries.stream().map(OutboxEntry::deliveryBatchId).toList()), leaseUntil);
        running.add(claim);
        return claim;
    }

    /** The claim's delivery ended (delivered, failed, given back): its lease is no longer renewed. */
    public void done(Claim claim) {
        running.remove(claim);
    }

    /** Whether a call may start now: the lease holds for a whole call-timeout even if no renewal gets through. */
    public boolean mayStartCall(Claim claim) {
        return !clock.instant().plus(properties.callTimeout()).isAfter(claim.validUntil());
    }

    /** Renews the leases of the claims running here whose lease still holds. Returns the entries renewed. */
    public int renew() {
        Instant now = clock.instant();
        Instant until = now.plus(properties.lease());
        List<Claim> live = running.stream().filter(c -> c.validUntil().isAfter(now)).toList();
        if (live.isEmpty()) {
            return 0;
        }
        int renewed = outbox.renewLeases(node.id(), live.stream().flatMap(c -> c.batches.stream()).toList(), now, until);
        // Only now, with the database's answer: a renewal that failed leaves the old limit in place.
        live.forEach(c -> c.validUntil = until);
        return renewed;
    }

    /** A stopping node gives back every claim it still holds, so the other node need not wait out the lease. */
    public void releaseAll() {
        running.clear();
        int released = outbox.releaseAll(node.id());
        LOG.info("released {} outbox leases on stop", released);
    }
}
