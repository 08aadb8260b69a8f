package nl.signaalpoort.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How far each partner's feedback was written to feedback files. */
@Repository
public class FeedbackFileRepository {

    private final JdbcTemplate jdbc;

    public FeedbackFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last feedback id already in a file for this partner (0: none yet). */
    public long writtenUpTo(String partnerId) {
        var rows = jdbc.queryForList("SELECT written_up_to FROM partner_feedback_file WHERE partner_id = ?", Long.class, partnerId);
        if (!rows.isEmpty()) {
            return rows.get(0);
        }
        try {
            jdbc.update("INSERT INTO partner_feedback_file (partner_id, written_up_to, files_written) VALUES (?, 0, 0)", partnerId);
        } catch (DuplicateKeyException anotherNode) {
            // created meanwhile
        }
        return 0;
    }

    /** Where a partner's feedback files stand: written up to one id, and the next file planned up to another. */
    public record Cursor(long writtenUpTo, long plannedUpTo) {

        /** A file was planned and may not be in place yet: it is written again, with exactly those items. */
        public boolean unfinished() {
            return plannedUpTo > writtenUpTo;
        }
    }

    /** The partner's cursor (its row made by {@link #writtenUpTo} first), locked until the transaction ends: one writer at a time plans a partner's files. */
    public Cursor lock(String partnerId) {
        return jdbc.queryForObject("SELECT written_up_to, planned_up_to FROM partner_feedback_file WHERE partner_id = ? FOR UPDATE",
                (rs, i) -> new Cursor(rs.getLong(1), rs.getObject(2) == null ? 0 : rs.getLong(2)), partnerId);
    }

    /** The next file holds the items up to {@code upTo}: fixed before it is written. */
    public void plan(String partnerId, long upTo) {
        jdbc.update("UPDATE partner_feedback_file SET planned_up_to = ? WHERE partner_id = ?", upTo, partnerId);
    }

    /** A file holding everything up to {@code upTo} is in place. Only moves forward; false if it had already. */
    public boolean written(String partnerId, long upTo) {
        return jdbc.update("UPDATE partner_feedback_file SET written_up_to = ?, files_written = files_written + 1 "
                + "WHERE partner_id = ? AND written_up_to < ?", upTo, partnerId, upTo) == 1;
    }
}
