package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit trail's rows and the end of its sealed chain. New rows go to {@code audit_unsealed};
 * sealing moves them, chained, to {@code audit_sealed}; {@code audit_log} is the view of both
 * (V11). Nothing is ever updated in place.
 */
@Repository
public class AuditRepository {

    /** One row as stored; {@code chainSeq} and {@code entryHash} are null until sealed. */
    public record AuditRow(long auditId, Instant occurredAt, String actorRole, String actorOin, String action, String subjectType,
            String subjectId, String detail, Long chainSeq, String entryHash) {
    }

    /** The last sealed entry. */
    public record ChainHead(long lastSeq, String lastHash) {
    }

    private static final String COLUMNS = "audit_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail, "
            + "chain_seq, entry_hash";
    private static final String UNSEALED_COLUMNS = "audit_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, "
            + "detail, NULL, NULL";
    private static final RowMapper<AuditRow> ROW = (rs, i) -> new AuditRow(rs.getLong(1),
            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getObject(9) == null ? null : rs.getLong(9), rs.getString(10));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public AuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Appends rows (their ids and chain fields are ignored), in bulk, in the caller's transaction. */
    public void append(List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // Microseconds: what both databases keep, so a row hashes the same when read back.
        BulkInsert.insert(jdbc, "audit_unsealed", List.of("occurred_at", "actor_role", "actor_oin", "action", "subject_type", "subject_id",
                "detail"), rows, (r, row) -> row.time(utc(r.occurredAt().truncatedTo(ChronoUnit.MICROS))).text(r.actorRole())
                        .text(r.actorOin()).text(r.action()).text(r.subjectType()).text(r.subjectId()).text(r.detail()));
    }

    /** The chain's end, locked until the caller's transaction ends. */
    public ChainHead lockHead() {
        return jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_chain_head WHERE head_id = 1 FOR UPDATE",
                (rs, i) -> new ChainHead(rs.getLong(1), rs.getString(2)));
    }

    public ChainHead head() {
        return jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_chain_head WHERE head_id = 1",
                (rs, i) -> new ChainHead(rs.getLong(1), rs.getString(2)));
    }

    /** The oldest rows not yet in the chain. */
    public List<AuditRow> unsealed(int limit) {
        return jdbc.query("SELECT " + UNSEALED_COLUMNS + " FROM audit_unsealed ORDER BY audit_id FETCH FIRST ? ROWS ONLY",
                ROW, limit);
    }

    public int countUnsealed() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_unsealed", Integer.class);
        return n == null ? 0 : n;
    }

    /**
     * Moves chained rows from unsealed to sealed and the chain's end with them, in the caller's
     * transaction (which holds the head lock). A row that is no longer unsealed means another
     * sealer got there: the whole move is refused, so nothing is sealed twice.
     */
    public void seal(List<AuditRow> sealed, ChainHead head) {
        BulkInsert.insert(jdbc, "audit_sealed", List.of("audit_id", "occurred_at", "actor_role", "actor_oin", "action", "subject_type",
                "subject_id", "detail", "chain_seq", "entry_hash"), sealed, (r, row) -> row.number(r.auditId()).time(utc(r.occurredAt()))
                        .text(r.actorRole()).text(r.actorOin()).text(r.action()).text(r.subjectType()).text(r.subjectId()).text(r.detail())
                        .number(r.chainSeq()).text(r.entryHash()));
        int[] moved = {0};
        InLists.forEachChunk(sealed.stream().map(AuditRow::auditId).toList(), chunk -> moved[0] += named.update(
                "DELETE FROM audit_unsealed WHERE audit_id IN (:ids)", new MapSqlParameterSource("ids", chunk)));
        if (moved[0] != sealed.size()) {
            throw new IllegalStateException("audit rows sealed elsewhere meanwhile: " + moved[0] + " of " + sealed.size() + " still unsealed");
        }
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE head_id = 1", head.lastSeq(), head.lastHash());
    }

    /** Sealed rows with {@code chain_seq} above {@code after}, in chain order, a page at a time. */
    public List<AuditRow> sealedAfter(long after, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_sealed WHERE chain_seq > ? ORDER BY chain_seq FETCH FIRST ? ROWS ONLY",
                ROW, after, limit);
    }

    /** Every row that occurred in [from, to), oldest first, streamed to {@code each}. */
    public void between(Instant from, Instant to, Consumer<AuditRow> each) {
        jdbc.query("SELECT " + COLUMNS + " FROM audit_log WHERE occurred_at >= ? AND occurred_at < ? ORDER BY audit_id",
                rs -> {
                    each.accept(ROW.mapRow(rs, 0));
                }, utc(from), utc(to));
    }

    /** The rows about one subject (a signal id, a file, a route), oldest first. */
    public List<AuditRow> about(String subjectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_log WHERE subject_id = ? ORDER BY audit_id", ROW, subjectId);
    }
}
