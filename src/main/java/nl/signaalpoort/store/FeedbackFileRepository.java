package nl.signaalpoort.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How far each partner's streams (feedback, contact-data notices, signal status) were written to
 * files in its outbox: one cursor per partner and stream.
 */
@Repository
public class FeedbackFileRepository {

    private final JdbcTemplate jdbc;

    public FeedbackFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last item id of the stream already in a file for this partner (0: none yet). */
    public long writtenUpTo(String partnerId, String stream) {
        var rows = jdbc.queryForList("SELECT written_up_to FROM partner_file_cursors WHERE partner_id = ? AND stream = ?", Long.class,
                partnerId, stream);
        if (!rows.isEmpty()) {
            return rows.get(0);
        }
        try {
            jdbc.update("INSERT INTO partner_file_cursors (partner_id, stream, written_up_to, files_written) VALUES (?, ?, 0, 0)",
                    partnerId, stream);
        } catch (DuplicateKeyException anotherNode) {
            // created meanwhile
        }
        return 0;
    }

    /** Where a partner's files of a stream stand: written up to one id, and the next file planned up to another. */
    public record Cursor(long writtenUpTo, long plannedUpTo) {

        /** A file was planned and may not be in place yet: it is written again, with exactly those items. */
        public boolean unfinished() {
            return plannedUpTo > writtenUpTo;
        }
    }

    /** The cursor (its row made by {@link #writtenUpTo} first), locked until the transaction ends: one writer at a time plans a partner's files. */
    public Cursor lock(String partnerId, String stream) {
        return jdbc.queryForObject("SELECT written_up_to, planned_up_to FROM partner_file_cursors WHERE partner_id = ? AND stream = ? FOR UPDATE",
                (rs, i) -> new Cursor(rs.getLong(1), rs.getObject(2) == null ? 0 : rs.getLong(2)), partnerId, stream);
    }

    /** The next file holds the items up to {@code upTo}: fixed before it is written. */
    public void plan(String partnerId, String stream, long upTo) {
        jdbc.update("UPDATE partner_file_cursors SET planned_up_to = ? WHERE partner_id = ? AND stream = ?", upTo, partnerId, stream);
    }

    /** A file holding everything up to {@code upTo} is in place. Only moves forward; false if it had already. */
    public boolean written(String partnerId, String stream, long upTo) {
        return jdbc.update("UPDATE partner_file_cursors SET written_up_to = ?, files_written = files_written + 1 "
                + "WHERE partner_id = ? AND stream = ? AND written_up_to < ?", upTo, partnerId, stream, upTo) == 1;
    }
}
