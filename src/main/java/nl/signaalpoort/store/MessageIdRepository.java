package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SOAP MessageIDs seen within the replay window, per calling organisation. */
@Repository
public class MessageIdRepository {

    private final JdbcTemplate jdbc;

    public MessageIdRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the id is new for this organisation (and now remembered); false when it sent it before. */
    public boolean remember(String messageId, String organisationId, Instant now) {
        try {
            jdbc.update("INSERT INTO soap_message_ids (message_id, organisation_id, received_at) VALUES (?, ?, ?)",
                    messageId, organisationId, utc(now));
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    /** Forgets ids older than the cutoff. Returns how many. */
    public int forgetBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM soap_message_ids WHERE received_at < ?", utc(cutoff));
    }
}
