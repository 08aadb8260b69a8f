package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a merged municipality's open work to its successor: the signals whose case has no final
 * outcome, and the deliveries still to make (waiting or dead-lettered, not leased by a delivery
 * under way: one that fails comes back unleased and moves, with its signal, at the next run). One transaction,
 * under the outbox's claim lock, so no claim sees half of it. Running it again moves nothing.
 */
@Repository
public class MergerRepository {

    public record Moved(int signals, int deliveries) {
        public boolean any() {
            return signals > 0 || deliveries > 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public MergerRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public Moved moveOpenWork(String from, String to, Instant now) {
        return transactions.execute(tx -> {
            jdbc.queryForList("SELECT claim_lock FROM delivery_claims WHERE claim_lock = 1 FOR UPDATE", Integer.class);
            int deliveries = jdbc.update("""
                    UPDATE outbox SET municipality_code = ?
                    WHERE municipality_code = ? AND status IN ('PENDING', 'DEAD') AND (lease_until IS NULL OR lease_until < ?)""",
                    to, from, utc(now));
            int signals = jdbc.update("""
                    UPDATE signals SET municipality_code = ?
                    WHERE municipality_code = ?
                      AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.signal_id = signals.signal_id AND o.final_outcome = TRUE)
                      AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.signal_id = signals.signal_id AND x.status = 'PENDING'
                                      AND x.lease_until >= ?)""",
                    to, from, utc(now));
            return new Moved(signals, deliveries);
        });
    }
}
