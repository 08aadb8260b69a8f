package nl.signaalpoort.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A partner's own signal as far as the gateway took it: accepted, and its delivery's state. */
@Repository
public class SignalStatusRepository {

    /**
     * {@code outboxStatus}: PENDING, DELIVERED, DEAD or WITHDRAWN (withdrawn before delivery);
     * {@code deliveredAt} null until delivered; the withdrawal's fields null unless withdrawn.
     */
    public record StoredStatus(UUID signalId, String reference, Instant receivedAt, String ruleSetId, String ruleSetVersion,
            String municipalityCode, String outboxStatus, Instant deliveredAt, String withdrawalReason, Instant withdrawnAt,
            boolean municipalityNotified) {
    }

    private static final String COLUMNS = """
            SELECT s.signal_id, s.reference, s.received_at, s.rule_set_id, s.rule_set_version, s.municipality_code, o.status,
                   o.delivered_at, w.reason, w.withdrawn_at, w.notified
            FROM signals s LEFT JOIN outbox o ON o.signal_id = s.signal_id
            LEFT JOIN withdrawals w ON w.signal_id = s.signal_id
            WHERE s.partner_id = ? AND""";

    private final JdbcTemplate jdbc;

    public SignalStatusRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredStatus> byId(String partnerId, UUID signalId) {
        return jdbc.query(COLUMNS + " s.signal_id = ?", (rs, i) -> status(rs), partnerId, signalId).stream().findFirst();
    }

    public Optional<StoredStatus> byReference(String partnerId, String reference) {
        return jdbc.query(COLUMNS + " s.reference = ?", (rs, i) -> status(rs), partnerId, reference).stream().findFirst();
    }

    private static StoredStatus status(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredStatus(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getObject(8, OffsetDateTime.class)),
                rs.getString(9), instant(rs.getObject(10, OffsetDateTime.class)), rs.getBoolean(11));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
