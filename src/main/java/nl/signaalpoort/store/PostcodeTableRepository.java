package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The loaded versions of the postcode table, each the whole file as an operator loaded it. */
@Repository
public class PostcodeTableRepository {

    /** A version without its content. */
    public record Version(LocalDate effectiveFrom, String sha256, int rows, Instant loadedAt, String loadedByOin) {
    }

    private final JdbcTemplate jdbc;

    public PostcodeTableRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a version; one for the same date is replaced (the caller decides whether it may be). */
    public void save(LocalDate effectiveFrom, String sha256, int rows, byte[] content, Instant loadedAt, String loadedByOin) {
        jdbc.update("DELETE FROM postcode_tables WHERE effective_from = ?", effectiveFrom);
        jdbc.update("INSERT INTO postcode_tables (effective_from, sha256, row_count, content, loaded_at, loaded_by_oin) VALUES (?, ?, ?, ?, ?, ?)",
                effectiveFrom, sha256, rows, content, utc(loadedAt), loadedByOin);
    }

    /** Every version, oldest date first. */
    public List<Version> versions() {
        return jdbc.query("SELECT effective_from, sha256, row_count, loaded_at, loaded_by_oin FROM postcode_tables ORDER BY effective_from",
                (rs, i) -> new Version(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)));
    }

    public Optional<byte[]> content(LocalDate effectiveFrom) {
        return jdbc.query("SELECT content FROM postcode_tables WHERE effective_from = ?", (rs, i) -> rs.getBytes(1), effectiveFrom)
                .stream().findFirst();
    }
}
