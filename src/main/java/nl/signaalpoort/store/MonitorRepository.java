package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.signal.Arrears;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the monthly monitor export reads: a municipality's signals received in a period, with the
 * latest outcome reported for each, and the cases closed in the period (each signal's final
 * outcome as it stood at the period's end). Both in a stable order, read a page at a time.
 */
@Repository
public class MonitorRepository {

    /** A signal as the export needs it; personal data still sealed (null once shredded). */
    public record MonitorSignal(UUID signalId, String partnerId, LocalDate signalDate, boolean crisis, boolean warmHandover,
            long totalAmountCents, LocalDate oldestDueDate, String latestOutcome, String masterKeyId, byte[] wrappedDataKey,
            byte[] ciphertext) {
    }

    /** A case closed in the period: the signal and its final outcome. */
    public record ClosedCase(UUID signalId, String outcome) {
    }

    private static final String SIGNALS_IN_PERIOD = " FROM signals s WHERE s.municipality_code = ? AND s.received_at >= ? AND s.received_at < ?";

    // The case's final outcome as it stood at the period's end: the latest final one reported
    // before it; the gateway's own closings (automatic, continued by an update, withdrawn by the partner) are not the municipality's result.
    private static final String CASES_IN_PERIOD = " " + """
            FROM outcomes o WHERE o.municipality_code = ? AND o.final_outcome = TRUE AND o.outcome NOT IN ('AUTO_CLOSED', 'CONTINUED', 'WITHDRAWN')
              AND o.reported_at >= ? AND o.reported_at < ?
              AND o.outcome_id = (SELECT MAX(x.outcome_id) FROM outcomes x
                                  WHERE x.signal_id = o.signal_id AND x.final_outcome = TRUE AND x.reported_at < ?)""";

    private final JdbcTemplate jdbc;

    public MonitorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int countSignals(String municipalityCode, Instant from, Instant until) {
        return jdbc.queryForObject("SELECT COUNT(*)" + SIGNALS_IN_PERIOD, Integer.class, municipalityCode, utc(from), utc(until));
    }

    public List<MonitorSignal> signals(String municipalityCode, Instant from, Instant until, long offset, int limit) {
        return jdbc.query("""
                SELECT s.signal_id, s.partner_id, s.signal_date, s.crisis, s.warm_handover, s.total_amount_cents, s.arrears,
                       (SELECT o.outcome FROM outcomes o WHERE o.signal_id = s.signal_id ORDER BY o.outcome_id DESC FETCH FIRST 1 ROWS ONLY),
                       s.master_key_id, s.wrapped_data_key, s.ciphertext""" + SIGNALS_IN_PERIOD
                + " ORDER BY s.received_at, s.signal_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                (rs, i) -> new MonitorSignal(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getLong(6), StoreJson.read(rs.getString(7), Arrears.class).oldestDueDate(),
                        rs.getString(8), rs.getString(9), rs.getBytes(10), rs.getBytes(11)),
                municipalityCode, utc(from), utc(until), offset, limit);
    }

    public int countCases(String municipalityCode, Instant from, Instant until) {
        return jdbc.queryForObject("SELECT COUNT(*)" + CASES_IN_PERIOD, Integer.class, municipalityCode, utc(from), utc(until), utc(until));
    }

    public List<ClosedCase> cases(String municipalityCode, Instant from, Instant until, long offset, int limit) {
        return jdbc.query("SELECT o.signal_id, o.outcome" + CASES_IN_PERIOD + " ORDER BY o.outcome_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                (rs, i) -> new ClosedCase(rs.getObject(1, UUID.class), rs.getString(2)),
                municipalityCode, utc(from), utc(until), utc(until), offset, limit);
    }

    /** Whether the month's files for the municipality were written. */
    public boolean fileWritten(String municipalityCode, LocalDate periodStart) {
        return !jdbc.queryForList("SELECT pages FROM monitor_exports WHERE municipality_code = ? AND period_start = ?", Integer.class,
                municipalityCode, periodStart).isEmpty();
    }

    /** Records the month's files as written; a second node's record of the same month is a no-op. */
    public void recordFileWritten(String municipalityCode, LocalDate periodStart, int pages, int signals, int cases, Instant at) {
        if (!fileWritten(municipalityCode, periodStart)) {
            jdbc.update("INSERT INTO monitor_exports (municipality_code, period_start, pages, signals, cases, written_at) VALUES (?, ?, ?, ?, ?, ?)",
                    municipalityCode, periodStart, pages, signals, cases, utc(at));
        }
    }
}
