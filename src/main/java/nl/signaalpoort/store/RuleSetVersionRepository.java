package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The history of rule set versions: which criteria each version stood for, and since when. */
@Repository
public class RuleSetVersionRepository {

    private final JdbcTemplate jdbc;

    public RuleSetVersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The version most recently first seen for this rule set, if any. */
    public Optional<String> latestVersion(String ruleSetId) {
        return jdbc.query("SELECT version FROM rule_set_versions WHERE rule_set_id = ? ORDER BY first_seen_at DESC, version",
                (rs, i) -> rs.getString(1), ruleSetId).stream().findFirst();
    }

    /**
     * Records a version with its criteria (each rule's code and its parameters) unless it is known
     * already; true when it was new.
     */
    public boolean recordIfNew(String ruleSetId, String version, Map<String, ? extends Map<String, ?>> criteria, Instant now) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_versions WHERE rule_set_id = ? AND version = ?",
                Integer.class, ruleSetId, version);
        if (known != null && known > 0) {
            return false;
        }
        jdbc.update("INSERT INTO rule_set_versions (rule_set_id, version, parameters, first_seen_at) VALUES (?, ?, ?, ?)",
                ruleSetId, version, StoreJson.toText(criteria), utc(now));
        return true;
    }
}
