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

    /** A file holding everything up to {@code upTo} is in place. Only moves forward. */
    public void written(String partnerId, long upTo) {
        jdbc.update("UPDATE partner_feedback_file SET written_up_to = ?, files_written = files_written + 1 "
                + "WHERE partner_id = ? AND written_up_to < ?", upTo, partnerId, upTo);
    }
}
