package nl.signaalpoort.intake;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.store.IntakeTallyRepository;
import nl.signaalpoort.store.IntakeTallyRepository.Tally;
import org.springframework.stereotype.Component;

/**
 * Intake counted per Dutch day, partner, channel and result or reason code, for the /ops page and
 * partners' statistics. Counted in memory on the request path (no database write, no lock) and
 * added to {@code intake_tally} by route intake-tally, and once more when the node stops: a crash
 * loses at most one interval of these statistics, never a signal or a receipt.
 */
@Component(Routes.INTAKE_TALLY)
public class IntakeTally {

    /** Dutch days: what "today" means to an operator. */
    public static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");
    public static final String STATUS = "STATUS";
    public static final String REASON = "REASON";
    public static final String WARNING = "WARNING";

    private record Key(LocalDate day, String partnerId, String channel, String kind, String code) {
    }

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final IntakeTallyRepository repository;
    private final Clock clock;

    public IntakeTally(IntakeTallyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    void count(String partnerId, Channel channel, List<Receipt> receipts) {
        LocalDate today = LocalDate.now(clock.withZone(DUTCH));
        for (Receipt r : receipts) {
            String status = r.duplicate() ? "DUPLICATE" : r.status().name();
            add(new Key(today, partnerId, channel.label(), STATUS, status));
            for (Rejection reason : r.reasons()) {
                add(new Key(today, partnerId, channel.label(), REASON, reason.code().name()));
            }
            for (Rejection warning : r.warnings()) {
                add(new Key(today, partnerId, channel.label(), WARNING, warning.code().name()));
            }
        }
    }

    private void add(Key key) {
        pending.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Adds what was counted since the last flush to the database. */
    @PreDestroy
    public int flush() {
        List<Tally> deltas = new ArrayList<>();
        for (Key key : List.copyOf(pending.keySet())) {
            LongAdder adder = pending.get(key);
            long n = adder == null ? 0 : adder.sumThenReset();
            if (n > 0) {
                deltas.add(new Tally(key.day(), key.partnerId(), key.channel(), key.kind(), key.code(), n));
            }
        }
        try {
            repository.add(deltas);
        } catch (RuntimeException e) {
            // The database is away: keep the counts for the next flush.
            deltas.forEach(t -> pending.computeIfAbsent(new Key(t.day(), t.partnerId(), t.channel(), t.kind(), t.code()),
                    k -> new LongAdder()).add(t.count()));
            throw e;
        }
        return deltas.size();
    }
}
