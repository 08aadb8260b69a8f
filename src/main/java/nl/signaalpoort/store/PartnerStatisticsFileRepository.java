package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which months' statistics files each SFTP partner has been given. */
@Repository
public class PartnerStatisticsFileRepository {

    private final JdbcTemplate jdbc;

    public PartnerStatisticsFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean written(String partnerId, LocalDate periodStart) {
        return !jdbc.queryForList("SELECT written_at FROM partner_statistics_files WHERE partner_id = ? AND period_start = ?",
                Object.class, partnerId, periodStart).isEmpty();
    }

    /** Records the month's file as written; a second record of the same month (the other node) is a no-op. */
    public void recordWritten(String partnerId, LocalDate periodStart, Instant at) {
        if (!written(partnerId, periodStart)) {
            jdbc.update("INSERT INTO partner_statistics_files (partner_id, period_start, written_at) VALUES (?, ?, ?)",
                    partnerId, periodStart, utc(at));
        }
    }
}
