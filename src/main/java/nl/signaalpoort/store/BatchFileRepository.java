package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Batch files from the start of their processing to its end: rows done, totals, the problem if refused. */
@Repository
public class BatchFileRepository {

    /** One file; {@code finishedAt} null while it is processed. */
    public record BatchFile(String partnerId, String fileId, String format, long rowsTotal, long rowsDone, Long accepted, Long rejected,
            String problem, Instant startedAt, Instant finishedAt) {
    }

    private static final String COLUMNS = "partner_id, file_id, format, rows_total, rows_done, accepted, rejected, problem, started_at, "
            + "finished_at";
    private static final RowMapper<BatchFile> ROW = (rs, i) -> new BatchFile(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getLong(4), rs.getLong(5), (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), rs.getString(8),
            rs.getObject(9, OffsetDateTime.class).toInstant(),
            rs.getObject(10) == null ? null : rs.getObject(10, OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;

    public BatchFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A file's processing starts (again, after a crash: the same file starts over). */
    public void started(String partnerId, String fileId, String format, long rowsTotal, Instant at) {
        if (jdbc.update("UPDATE batch_files SET format = ?, rows_total = ?, rows_done = 0, accepted = NULL, rejected = NULL, "
                + "problem = NULL, started_at = ?, finished_at = NULL WHERE partner_id = ? AND file_id = ?", format, rowsTotal, utc(at),
                partnerId, fileId) == 0) {
            jdbc.update("INSERT INTO batch_files (" + COLUMNS + ") VALUES (?, ?, ?, ?, 0, NULL, NULL, NULL, ?, NULL)", partnerId, fileId,
                    format, rowsTotal, utc(at));
        }
    }

    public void progressed(String partnerId, String fileId, long rowsDone) {
        jdbc.update("UPDATE batch_files SET rows_done = ? WHERE partner_id = ? AND file_id = ?", rowsDone, partnerId, fileId);
    }

    public void finished(String partnerId, String fileId, Long accepted, Long rejected, String problem, Instant at) {
        jdbc.update("UPDATE batch_files SET accepted = ?, rejected = ?, problem = ?, finished_at = ? WHERE partner_id = ? AND file_id = ?",
                accepted, rejected, problem, utc(at), partnerId, fileId);
    }

    public List<BatchFile> inProgress() {
        return jdbc.query("SELECT " + COLUMNS + " FROM batch_files WHERE finished_at IS NULL ORDER BY started_at", ROW);
    }

    /** The newest files, processed or refused. */
    public List<BatchFile> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM batch_files WHERE finished_at IS NOT NULL ORDER BY started_at DESC "
                + "FETCH FIRST ? ROWS ONLY", ROW, limit);
    }
}
