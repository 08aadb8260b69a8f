package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The audit trail's rows and the end of its sealed chain. Appends only; sealing fills in the chain. */
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
    private static final RowMapper<AuditRow> ROW = (rs, i) -> new AuditRow(rs.getLong(1),
            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getObject(9) == null ? null : rs.getLong(9), rs.getString(10));

    private final JdbcTemplate jdbc;

    public AuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends rows (their ids and chain fields are ignored), in one JDBC batch, in the caller's transaction. */
    public void append(List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_log (occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, r) -> {
            // Microseconds: what both databases keep, so a row hashes the same when read back.
            ps.setObject(1, utc(r.occurredAt().truncatedTo(ChronoUnit.MICROS)));
            ps.setString(2, r.actorRole());
            ps.setString(3, r.actorOin());
            ps.setString(4, r.action());
            ps.setString(5, r.subjectType());
            ps.setString(6, r.subjectId());
            ps.setString(7, r.detail());
        });
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
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_log WHERE chain_seq IS NULL ORDER BY audit_id FETCH FIRST ? ROWS ONLY",
                ROW, limit);
    }

    public int countUnsealed() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE chain_seq IS NULL", Integer.class);
        return n == null ? 0 : n;
    }

    /** Puts sealed rows in the chain and moves its end, in the caller's transaction (which holds the head lock). */
    public void seal(List<AuditRow> sealed, ChainHead head) {
        jdbc.batchUpdate("UPDATE audit_log SET chain_seq = ?, entry_hash = ? WHERE audit_id = ? AND chain_seq IS NULL", sealed,
                sealed.size(), (ps, r) -> {
                    ps.setLong(1, r.chainSeq());
                    ps.setString(2, r.entryHash());
                    ps.setLong(3, r.auditId());
                });
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE head_id = 1", head.lastSeq(), head.lastHash());
    }

    /** Sealed rows with {@code chain_seq} above {@code after}, in chain order, a page at a time. */
    public List<AuditRow> sealedAfter(long after, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_log WHERE chain_seq > ? ORDER BY chain_seq FETCH FIRST ? ROWS ONLY",
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
