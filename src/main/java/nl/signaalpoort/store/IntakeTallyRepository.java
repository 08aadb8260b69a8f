package nl.signaalpoort.store;

import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Intake counted per day, partner, channel and result ({@code kind} STATUS) or reason ({@code kind} REASON). */
@Repository
public class IntakeTallyRepository {

    /** One count. */
    public record Tally(LocalDate day, String partnerId, String channel, String kind, String code, long count) {
    }

    private final JdbcTemplate jdbc;

    public IntakeTallyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds to the counts (creating them as needed); each its own short statement, so no lock is held for long. */
    public void add(List<Tally> deltas) {
        for (Tally t : deltas) {
            if (jdbc.update("UPDATE intake_tally SET tally = tally + ? WHERE tally_day = ? AND partner_id = ? AND channel = ? "
                    + "AND kind = ? AND code = ?", t.count(), t.day(), t.partnerId(), t.channel(), t.kind(), t.code()) == 0) {
                try {
                    jdbc.update("INSERT INTO intake_tally (tally_day, partner_id, channel, kind, code, tally) VALUES (?, ?, ?, ?, ?, ?)",
                            t.day(), t.partnerId(), t.channel(), t.kind(), t.code(), t.count());
                } catch (DuplicateKeyException anotherNode) {
                    jdbc.update("UPDATE intake_tally SET tally = tally + ? WHERE tally_day = ? AND partner_id = ? AND channel = ? "
                            + "AND kind = ? AND code = ?", t.count(), t.day(), t.partnerId(), t.channel(), t.kind(), t.code());
                }
            }
        }
    }

    /** The counts of days {@code from} to {@code to}, both included. */
    public List<Tally> between(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT tally_day, partner_id, channel, kind, code, tally FROM intake_tally WHERE tally_day BETWEEN ? AND ? "
                + "ORDER BY tally_day, partner_id, channel, kind, code", (rs, i) -> new Tally(rs.getObject(1, LocalDate.class),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)), from, to);
    }
}
