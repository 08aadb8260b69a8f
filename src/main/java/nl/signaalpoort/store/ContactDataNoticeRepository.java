package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Contact-data notices for the partners that receive them: one per signal, read from a cursor. */
@Repository
public class ContactDataNoticeRepository {

    /** What the partner hears: its own reference and the gateway's ids, never the contact data itself. */
    public record ContactDataNotice(long noticeId, UUID signalId, String reference, LocalDate date) {
    }

    private final JdbcTemplate jdbc;

    public ContactDataNoticeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a notice was recorded for the signal before. */
    public boolean exists(UUID signalId) {
        return !jdbc.queryForList("SELECT notice_id FROM contact_data_notices WHERE signal_id = ?", Long.class, signalId).isEmpty();
    }

    public void insert(String partnerId, UUID signalId, String reference, LocalDate date, Instant now) {
        jdbc.update("INSERT INTO contact_data_notices (partner_id, signal_id, reference, notice_date, created_at) VALUES (?, ?, ?, ?, ?)",
                partnerId, signalId, reference, date, utc(now));
    }

    public List<ContactDataNotice> after(String partnerId, long after, int limit) {
        return jdbc.query("SELECT notice_id, signal_id, reference, notice_date FROM contact_data_notices WHERE partner_id = ? AND notice_id > ? "
                + "ORDER BY notice_id FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new ContactDataNotice(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, LocalDate.class)),
                partnerId, after);
    }
}
