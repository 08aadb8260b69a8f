package nl.signaalpoort.store;

import static nl.signaalpoort.store.SignalRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Signals related by pseudonym, for history annotations: one query per chunk of a delivery batch. */
@Repository
public class HistoryRepository {

    private final NamedParameterJdbcTemplate named;

    public HistoryRepository(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Signals received since {@code since} whose person, household or tolerant pseudonym is one of these. */
    public List<RelatedSignal> related(Collection<String> persons, Collection<String> households, Collection<String> tolerant,
            Instant since) {
        Map<UUID, RelatedSignal> found = new LinkedHashMap<>();
        List<String> p = new ArrayList<>(persons);
        List<String> h = new ArrayList<>(households);
        List<String> t = new ArrayList<>(tolerant);
        int chunk = InLists.CHUNK;
        for (int from = 0; from < Math.max(p.size(), Math.max(h.size(), t.size())); from += chunk) {
            MapSqlParameterSource params = new MapSqlParameterSource("since", utc(since))
                    .addValue("p", orNone(slice(p, from, chunk))).addValue("h", orNone(slice(h, from, chunk)))
                    .addValue("t", orNone(slice(t, from, chunk)));
            named.query("""
                    SELECT signal_id, partner_id, total_amount_cents, received_at, person_pseudonym, household_pseudonym,
                           tolerant_pseudonym
                    FROM signals
                    WHERE received_at >= :since
                      AND (person_pseudonym IN (:p) OR household_pseudonym IN (:h) OR tolerant_pseudonym IN (:t))""",
                    params, rs -> {
                        UUID id = rs.getObject(1, UUID.class);
                        found.put(id, new RelatedSignal(id, rs.getString(2), rs.getLong(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)));
                    });
        }
        return List.copyOf(found.values());
    }

    private static List<String> slice(List<String> values, int from, int size) {
        return from >= values.size() ? List.of() : values.subList(from, Math.min(values.size(), from + size));
    }

    /** An empty IN list is not valid SQL; a value no pseudonym can have matches nothing. */
    private static List<String> orNone(List<String> values) {
        return values.isEmpty() ? List.of("-") : values;
    }
}
