package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's rows and the end of its sealed chain. An entry is written once, to
 * {@code audit_entries}, with one row in {@code audit_blocks} per transaction that wrote any (the
 * sealer's queue); sealing adds its chain fields to {@code audit_chain} and takes its block off the
 * queue; {@code audit_log} is the view of entries with their chain fields (V26). Nothing is ever
 * updated in place.
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

    /** A transaction's entries waiting to be chained. */
    public record Block(UUID blockId, int entries) {
    }

    private static final String ENTRY_COLUMNS = "occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail";
    private static final String COLUMNS = "audit_id, " + ENTRY_COLUMNS + ", chain_seq, entry_hash";
    /** Every field but the id may be null: a chain link read without its entry ({@link #sealedAfter}). */
    private static final RowMapper<AuditRow> ROW = (rs, i) -> {
        OffsetDateTime occurred = rs.getObject(2, OffsetDateTime.class);
        return new AuditRow(rs.getLong(1), occurred == null ? null : occurred.toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9) == null ? null : rs.getLong(9),
                rs.getString(10));
    };
    /** The most queued blocks read at once: one IN list's worth, so their entries come in one statement, in id order. */
    private static final int BLOCKS_READ = InLists.CHUNK;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;

    public AuditRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = transactions;
    }

    /**
     * Appends rows (their ids and chain fields are ignored), in bulk, as one block: in the caller's
     * transaction, or in one of its own when there is none, so the entries and their block are
     * there together or not at all.
     */
    public void append(List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        UUID block = TimeOrderedIds.next();
        transactions.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO audit_blocks (block_id, entries) VALUES (?, ?)", block, rows.size());
            // Microseconds: what both databases keep, so a row hashes the same when read back.
            BulkInsert.insert(jdbc, "audit_entries", List.of("block_id", "occurred_at", "actor_role", "actor_oin", "action", "subject_type",
                    "subject_id", "detail"), rows, (r, row) -> row.uuid(block).time(utc(r.occurredAt().truncatedTo(ChronoUnit.MICROS)))
                            .text(r.actorRole()).text(r.actorOin()).text(r.action()).text(r.subjectType()).text(r.subjectId())
                            .text(r.detail()));
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

    /** The oldest queued blocks, together about {@code entries} entries (at least one block, if any is queued). */
    public List<Block> queued(int entries) {
        return jdbc.query("SELECT block_id, entries FROM audit_blocks ORDER BY block_id FETCH FIRST " + BLOCKS_READ + " ROWS ONLY", rs -> {
            List<Block> blocks = new ArrayList<>();
            for (int total = 0; total < entries && rs.next(); ) {
                Block block = new Block(rs.getObject(1, UUID.class), rs.getInt(2));
                blocks.add(block);
                total += block.entries();
            }
            return blocks;
        });
    }

    /** The entries of these blocks (at most {@link #BLOCKS_READ}, as {@link #queued} gives), in id order. */
    public List<AuditRow> entriesOf(List<Block> blocks) {
        return named.query("SELECT audit_id, " + ENTRY_COLUMNS + ", NULL, NULL FROM audit_entries WHERE block_id IN (:ids) ORDER BY audit_id",
                new MapSqlParameterSource("ids", blocks.stream().map(Block::blockId).toList()), ROW);
    }

    /** Entries waiting to be chained. */
    public long countUnsealed() {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(entries), 0) FROM audit_blocks", Long.class);
        return n == null ? 0 : n;
    }

    /** Entries neither chained nor waiting to be: added after their block was sealed, which only tampering does. */
    public long countUnchained() {
        Long n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entries e
                WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = e.audit_id)
                  AND NOT EXISTS (SELECT 1 FROM audit_blocks b WHERE b.block_id = e.block_id)""", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Chains the entries of these blocks (rows with their chain fields) and takes the blocks off the
     * queue, with the chain's new end, in the caller's transaction (which holds the head lock). A
     * block no longer queued means another sealer got there: the whole seal is refused, so nothing
     * is chained twice.
     */
    public void seal(List<Block> blocks, List<AuditRow> chained, ChainHead head) {
        BulkInsert.insert(jdbc, "audit_chain", List.of("chain_seq", "audit_id", "entry_hash"), chained,
                (r, row) -> row.number(r.chainSeq()).number(r.auditId()).text(r.entryHash()));
        int[] taken = {0};
        InLists.forEachChunk(blocks.stream().map(Block::blockId).toList(), chunk -> taken[0] += named.update(
                "DELETE FROM audit_blocks WHERE block_id IN (:ids)", new MapSqlParameterSource("ids", chunk)));
        if (taken[0] != blocks.size()) {
            throw new IllegalStateException("audit blocks sealed elsewhere meanwhile: " + taken[0] + " of " + blocks.size()
                    + " still queued");
        }
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE head_id = 1", head.lastSeq(), head.lastHash());
    }

    /**
     * Chained rows with {@code chain_seq} above {@code after}, in chain order, a page at a time. A
     * link whose entry is gone comes back with only its chain fields and id (the rest null).
     */
    public List<AuditRow> sealedAfter(long after, int limit) {
        return jdbc.query("SELECT c.audit_id, e.occurred_at, e.actor_role, e.actor_oin, e.action, e.subject_type, e.subject_id, "
                + "e.detail, c.chain_seq, c.entry_hash FROM audit_chain c LEFT JOIN audit_entries e ON e.audit_id = c.audit_id "
                + "WHERE c.chain_seq > ? ORDER BY c.chain_seq FETCH FIRST ? ROWS ONLY", ROW, after, limit);
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
