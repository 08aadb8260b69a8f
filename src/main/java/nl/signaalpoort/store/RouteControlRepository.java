package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which routes operators suspended; shared by every node, kept across restarts. */
@Repository
public class RouteControlRepository {

    private final JdbcTemplate jdbc;

    public RouteControlRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> suspended() {
        return jdbc.queryForList("SELECT route_id FROM route_control WHERE suspended = TRUE", String.class).stream()
                .collect(Collectors.toUnmodifiableSet());
    }

    public void set(String routeId, boolean suspended, String byOin, Instant at) {
        if (jdbc.update("UPDATE route_control SET suspended = ?, changed_by_oin = ?, changed_at = ? WHERE route_id = ?", suspended, byOin,
                utc(at), routeId) == 0) {
            jdbc.update("INSERT INTO route_control (route_id, suspended, changed_by_oin, changed_at) VALUES (?, ?, ?, ?)", routeId,
                    suspended, byOin, utc(at));
        }
    }
}
