package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox's dead letters (entries whose delivery gave up), as operators see and replay them:
 * ids, codes and error classes only. A replay puts an entry back in the queue that
 * {@link OutboxRepository} claims from.
 */
@Repository
public class DeadLetterRepository {

    // A withdrawal notice names its signal in withdrawn_signal_id: operators see the signal it is about.
    private static final String COLUMNS = "SELECT outbox_id, COALESCE(signal_id, withdrawn_signal_id), municipality_code, attempts, last_error, created_at, "
            + "next_attempt_at FROM outbox WHERE status = 'DEAD' ";
    private static final RowMapper<DeadLetter> ROW = (rs, i) -> new DeadLetter(rs.getLong(1), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getInt(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
            rs.getObject(7, OffsetDateTime.class).toInstant());
    private static final String REPLAY = "UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, "
            + "lease_until = NULL, lease_owner = NULL, delivery_batch_id = NULL WHERE status = 'DEAD' AND ";

    private final NamedParameterJdbcTemplate named;

    public DeadLetterRepository(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Dead letters, oldest first, optionally of one municipality. */
    public List<DeadLetter> deadLetters(String municipalityCode, int limit) {
        // Two statements rather than ":code IS NULL": PostgreSQL cannot type an untyped null parameter.
        String where = municipalityCode == null ? "" : "AND municipality_code = :code ";
        return named.query(COLUMNS + where + "ORDER BY outbox_id FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("code", municipalityCode).addValue("limit", limit), ROW);
    }

    /** One dead letter. */
    public Optional<DeadLetter> deadLetter(long outboxId) {
        return named.query(COLUMNS + "AND outbox_id = :id", new MapSqlParameterSource("id", outboxId), ROW).stream().findFirst();
    }

    /** Puts dead letters back in the queue, due now, with a fresh attempt count, as a new delivery (a new batch id); returns how many. */
    public int replay(List<Long> outboxIds, Instant now) {
        int[] replayed = {0};
        InLists.forEachChunk(outboxIds, chunk -> replayed[0] += named.update(REPLAY + "outbox_id IN (:ids)",
                new MapSqlParameterSource("now", utc(now)).addValue("ids", chunk)));
        return replayed[0];
    }

    /** Replays every dead letter of a municipality. */
    public int replayMunicipality(String municipalityCode, Instant now) {
        return named.update(REPLAY + "municipality_code = :code", new MapSqlParameterSource("now", utc(now)).addValue("code", municipalityCode));
    }
}
