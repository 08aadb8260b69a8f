package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Finds personal data past its retention and destroys it (with its wrapped data key). */
@Repository
public class RetentionRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;

    public RetentionRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = transactions;
    }

    /** Signals with personal data whose case closed (latest final outcome) before the cutoff. */
    public List<UUID> closedBefore(Instant cutoff, int limit) {
        return jdbc.query("""
                SELECT s.signal_id FROM signals s JOIN outcomes o ON o.signal_id = s.signal_id
                WHERE o.final_outcome = TRUE AND s.ciphertext IS NOT NULL
                GROUP BY s.signal_id HAVING MAX(o.reported_at) < ?
                FETCH FIRST ? ROWS ONLY""", (rs, i) -> rs.getObject(1, UUID.class), utc(cutoff), limit);
    }

    /** Signals with personal data received before the cutoff, closed or not. */
    public List<UUID> receivedBefore(Instant cutoff, int limit) {
        return jdbc.query("""
                SELECT signal_id FROM signals WHERE received_at < ? AND ciphertext IS NOT NULL FETCH FIRST ? ROWS ONLY""", (rs, i) -> rs.getObject(1, UUID.class), utc(cutoff), limit);
    }

    /**
     * Clears the personal data and its wrapped data key (crypto-shredding), marks the signals, and
     * ends any delivery still pending for them: there is nothing left to deliver.
     */
    public List<UUID> shred(List<UUID> signalIds, Instant now) {
        if (signalIds.isEmpty()) {
            return List.of();
        }
        return transactions.execute(tx -> {
            // Only what still has personal data: a second run (the other node, during a change of leader) shreds nothing twice.
            List<UUID> shredded = new java.util.ArrayList<>();
            InLists.forEachChunk(signalIds, chunk -> shredded.addAll(named.queryForList(
                    "SELECT signal_id FROM signals WHERE signal_id IN (:ids) AND ciphertext IS NOT NULL FOR UPDATE",
                    new MapSqlParameterSource("ids", chunk), UUID.class)));
            InLists.forEachChunk(shredded, chunk -> {
                MapSqlParameterSource params = new MapSqlParameterSource("ids", chunk).addValue("now", utc(now));
                named.update("UPDATE signals SET master_key_id = NULL, wrapped_data_key = NULL, ciphertext = NULL, "
                        + "personal_data_shredded_at = :now WHERE signal_id IN (:ids)", params);
                named.update("UPDATE outbox SET status = 'DEAD', last_error = 'personal data shredded', lease_until = NULL, "
                        + "lease_owner = NULL WHERE signal_id IN (:ids) AND status = 'PENDING'", params);
            });
            return shredded;
        });
    }
}
