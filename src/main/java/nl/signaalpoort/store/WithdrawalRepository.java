package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Withdrawals of signals and what they do to the outbox: a signal never sent is kept from
 * delivery; one sent (or being sent) gets a withdrawal notice behind it in its municipality's order.
 */
@Repository
public class WithdrawalRepository {

    /** A recorded withdrawal; {@code notified}: the municipality is sent a notice. */
    public record StoredWithdrawal(UUID signalId, String reason, boolean notified, Instant withdrawnAt) {
    }

    /**
     * The signal's own outbox entry as it stands under its row lock. {@code sent}: it was claimed for
     * a delivery at least once (the municipality may have it, even if that delivery failed).
     */
    public record SignalEntry(String municipalityCode, String status, boolean urgent, boolean sent) {
    }

    private static final RowMapper<StoredWithdrawal> ROW = (rs, i) -> new StoredWithdrawal(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public WithdrawalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public Optional<StoredWithdrawal> find(UUID signalId) {
        return jdbc.query("SELECT signal_id, reason, notified, withdrawn_at FROM withdrawals WHERE signal_id = ?", ROW, signalId)
                .stream().findFirst();
    }

    /** The withdrawals of these signals, in no particular order. */
    public List<StoredWithdrawal> findAll(List<UUID> signalIds) {
        List<StoredWithdrawal> found = new ArrayList<>();
        InLists.forEachChunk(signalIds, chunk -> found.addAll(named.query(
                "SELECT signal_id, reason, notified, withdrawn_at FROM withdrawals WHERE signal_id IN (:ids)",
                new MapSqlParameterSource("ids", chunk), ROW)));
        return found;
    }

    /** Locks the signal's outbox entry until the transaction ends: a claim of it waits, or is waited for. */
    public Optional<SignalEntry> lockSignalEntry(UUID signalId) {
        return jdbc.query("""
                SELECT municipality_code, status, urgent, delivery_batch_id FROM outbox
                WHERE signal_id = ? FOR UPDATE""",
                (rs, i) -> new SignalEntry(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getObject(4) != null), signalId)
                .stream().findFirst();
    }

    public void insert(UUID signalId, String partnerId, String reason, boolean notified, Instant now) {
        jdbc.update("INSERT INTO withdrawals (signal_id, partner_id, reason, notified, withdrawn_at) VALUES (?, ?, ?, ?, ?)",
                signalId, partnerId, reason, notified, utc(now));
    }

    /** The signal's entry is not delivered (nor replayed from the dead letters). */
    public void keepFromDelivery(UUID signalId) {
        jdbc.update("""
                UPDATE outbox SET status = 'WITHDRAWN', lease_until = NULL, lease_owner = NULL
                WHERE signal_id = ? AND status IN ('PENDING', 'DEAD')""", signalId);
    }

    /** The withdrawal notice (after its withdrawal is inserted), in the signal's lane, so it is delivered after the signal. */
    public void queueNotice(UUID signalId, SignalEntry entry, Instant now) {
        jdbc.update("""
                INSERT INTO outbox (withdrawn_signal_id, municipality_code, urgent, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'PENDING', 0, ?, ?)""", signalId, entry.municipalityCode(), entry.urgent(), utc(now), utc(now));
    }
}
