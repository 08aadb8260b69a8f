package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.signaalpoort.audit.AuditChain;
import nl.signaalpoort.audit.AuditSealer;
import nl.signaalpoort.audit.AuditVerifier;
import nl.signaalpoort.store.AuditRepository;
import nl.signaalpoort.store.AuditRepository.AuditRow;
import nl.signaalpoort.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A trail kept the V11 way (entries moved from audit_unsealed to audit_sealed) is migrated by V26
 * into entries written once: the chain sealed before verifies as it was, the entries not yet sealed
 * are queued and sealed after it, and each subject's history reads the same.
 */
class AuditMigrationIT {

    private final String schema = "audit_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final DataSource database = dataSource();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @AfterEach
    void dropSchema() {
        if (TestDatabase.isPostgres()) {
            jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
        } else {
            jdbc.execute("SHUTDOWN");
        }
    }

    @Test
    void theChainSealedBeforeHoldsAndWhatWasWaitingIsSealedAfterIt() {
        migrate(TestDatabase.isPostgres() ? "25" : "23"); // the last before V26 on each (V24 and V25 are PostgreSQL's own)
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 1; i <= 3; i++) {
            jdbc.update("INSERT INTO audit_unsealed (occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail) "
                    + "VALUES (?, 'PARTNER', '00000099000000000101', 'SIGNAL_ACCEPTED', 'SIGNAL', ?, ?)",
                    OffsetDateTime.ofInstant(at.plusSeconds(i), ZoneOffset.UTC), "subject-" + i, "reference=R" + i + ";channel=rest");
        }
        // The old sealer's work on the first two: chained into audit_sealed, gone from audit_unsealed.
        String hash = AuditChain.GENESIS;
        long seq = 0;
        List<AuditRow> waiting = jdbc.query("SELECT audit_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail "
                + "FROM audit_unsealed ORDER BY audit_id", (rs, i) -> new AuditRow(rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), null, null));
        for (AuditRow row : waiting.subList(0, 2)) {
            seq++;
            hash = AuditChain.hash(hash, seq, row);
            jdbc.update("INSERT INTO audit_sealed (audit_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail, "
                    + "chain_seq, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.auditId(),
                    OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC), row.actorRole(), row.actorOin(), row.action(),
                    row.subjectType(), row.subjectId(), row.detail(), seq, hash);
            jdbc.update("DELETE FROM audit_unsealed WHERE audit_id = ?", row.auditId());
        }
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE head_id = 1", seq, hash);

        migrate(null);

        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
        AuditRepository repository = new AuditRepository(jdbc, transactions);
        AuditVerifier verifier = new AuditVerifier(repository);
        AuditVerifier.Verdict before = verifier.verify();
        assertThat(before.intact()).isTrue();
        assertThat(before.sealed()).isEqualTo(2);
        assertThat(before.unsealed()).isEqualTo(1);
        assertThat(before.headHash()).isEqualTo(hash);
        assertThat(repository.about("subject-1")).singleElement().satisfies(r -> {
            assertThat(r.chainSeq()).isEqualTo(1);
            assertThat(r.detail()).isEqualTo("reference=R1;channel=rest");
        });
        assertThat(repository.about("subject-3")).singleElement().satisfies(r -> assertThat(r.chainSeq()).isNull());

        AuditSealer sealer = new AuditSealer(repository, transactions);
        assertThat(sealer.sealAll()).isEqualTo(1);
        AuditVerifier.Verdict after = verifier.verify();
        assertThat(after.intact()).isTrue();
        assertThat(after.sealed()).isEqualTo(3);
        assertThat(after.unsealed()).isZero();
        assertThat(after.headSeq()).isEqualTo(3);
        assertThat(repository.about("subject-3")).singleElement().satisfies(r -> assertThat(r.chainSeq()).isEqualTo(3));

        // New entries after the migration get ids after the migrated ones, and join the same chain.
        repository.append(List.of(new AuditRow(0, Instant.now(), "GATEWAY", null, "ROUTE_SUSPENDED", "ROUTE", "route-x", null, null,
                null)));
        assertThat(sealer.sealAll()).isEqualTo(1);
        assertThat(repository.about("route-x")).singleElement().satisfies(r -> {
            assertThat(r.auditId()).isGreaterThan(waiting.get(2).auditId());
            assertThat(r.chainSeq()).isEqualTo(4);
        });
        assertThat(verifier.verify().intact()).isTrue();
    }

    private void migrate(String target) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (TestDatabase.isPostgres()) {
            locations.add("classpath:db/vendor/postgresql");
        }
        var flyway = Flyway.configure().dataSource(database).locations(locations.toArray(String[]::new));
        if (TestDatabase.isPostgres()) {
            flyway.schemas(schema);
        }
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private DataSource dataSource() {
        if (TestDatabase.isPostgres()) {
            String url = System.getProperty("signaalpoort.it.postgres.url");
            return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    System.getProperty("signaalpoort.it.postgres.user"), System.getProperty("signaalpoort.it.postgres.password"));
        }
        return new DriverManagerDataSource("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1");
    }
}
