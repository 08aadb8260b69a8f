import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the audit trail costs intake in the database: the intake transaction of one chunk (signals
 * with their sealed personal data and outbox rows in JDBC batches, one commit) without and with its audit
 * rows, alternated round by round on the same database in the same run, on the gateway's own
 * schema (start the gateway once on the database so Flyway creates it). Prints rows/s of both and
 * their ratio; removes what it wrote (run it with the gateway stopped).
 *
 *   mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp "$(cat target/cp.txt)" bench/AuditCost.java --url jdbc:postgresql://localhost:5432/signaalpoort \
 *        --user signaalpoort --password signaalpoort --rounds 20 --chunk 1000
 * Bounded: rounds x chunk rows per variant.
 */
public class AuditCost {

    private static final String PARTNER = "bench-audit";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "20"));
        int chunk = Integer.parseInt(opt.getOrDefault("chunk", "1000"));
        try (Connection db = DriverManager.getConnection(opt.getOrDefault("url", "jdbc:postgresql://localhost:5432/signaalpoort"),
                opt.getOrDefault("user", "signaalpoort"), opt.getOrDefault("password", "signaalpoort"))) {
            db.setAutoCommit(false);
            cleanUp(db);
            // Warm-up: one of each, not counted.
            chunk(db, chunk, false);
            chunk(db, chunk, true);
            List<Double> without = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                without.add(chunk(db, chunk, false));
                with.add(chunk(db, chunk, true));
            }
            double a = median(without);
            double b = median(with);
            System.out.printf("intake chunk of %d signals, %d rounds each, alternated%n", chunk, rounds);
            System.out.printf("without audit rows: %,.0f signals/s (median)%n", a);
            System.out.printf("with audit rows:    %,.0f signals/s (median)%n", b);
            System.out.printf("with / without:     %.2f%n", b / a);
            cleanUp(db);
        }
    }

    /** One intake transaction; returns signals per second. */
    private static double chunk(Connection db, int n, boolean audit) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        long start = System.nanoTime();
        try (PreparedStatement signals = db.prepareStatement("""
                INSERT INTO signals (signal_id, partner_id, reference, kind, signal_date, crisis, warm_handover, end_of_supply_date,
                    municipality_code, person_pseudonym, household_pseudonym, tolerant_pseudonym, pseudonym_key_id, total_amount_cents,
                    arrears, rule_set_id, rule_set_version, received_at, master_key_id, wrapped_data_key, ciphertext)
                VALUES (?, ?, ?, 'EARLY', ?, FALSE, FALSE, NULL, 'GM0363', ?, ?, ?, 'k1', 13000, '{}', 'energy/bench', 'v1', ?, 'm1', ?, ?)""");
                PreparedStatement outbox = db.prepareStatement("""
                        INSERT INTO outbox (signal_id, municipality_code, urgent, status, attempts, next_attempt_at, created_at)
                        VALUES (?, 'GM0363', FALSE, 'DELIVERED', 0, ?, ?)""");
                PreparedStatement auditBlock = db.prepareStatement("INSERT INTO audit_blocks (block_id, entries) VALUES (?, ?)");
                PreparedStatement auditRows = db.prepareStatement("""
                        INSERT INTO audit_entries (block_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail)
                        VALUES (?, ?, 'PARTNER', '00000099000000000101', 'SIGNAL_ACCEPTED', 'SIGNAL', ?, ?)""")) {
            UUID block = UUID.randomUUID();
            byte[] key = new byte[60];
            byte[] ciphertext = new byte[300];
            for (UUID id : ids) {
                String reference = "B-" + id;
                signals.setObject(1, id);
                signals.setString(2, PARTNER);
                signals.setString(3, reference);
                signals.setObject(4, now.toLocalDate());
                signals.setString(5, hex(id, 'p'));
                signals.setString(6, hex(id, 'h'));
                signals.setString(7, hex(id, 't'));
                signals.setObject(8, now);
                signals.setBytes(9, key);
                signals.setBytes(10, ciphertext);
                signals.addBatch();
                outbox.setObject(1, id);
                outbox.setObject(2, now);
                outbox.setObject(3, now);
                outbox.addBatch();
                if (audit) {
                    auditRows.setObject(1, block);
                    auditRows.setObject(2, now);
                    auditRows.setString(3, id.toString());
                    auditRows.setString(4, "reference=" + reference + ";channel=sftp;municipality=GM0363;ruleSet=energy/bench@v1");
                    auditRows.addBatch();
                }
            }
            signals.executeBatch();
            outbox.executeBatch();
            if (audit) {
                auditBlock.setObject(1, block);
                auditBlock.setInt(2, n);
                auditBlock.executeUpdate();
                auditRows.executeBatch();
            }
            db.commit();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static String hex(UUID id, char salt) {
        return (salt + id.toString().replace("-", "")).repeat(2).substring(0, 64);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static void cleanUp(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            // Its blocks, then its entries; run it with the gateway stopped, or the sealer chains them first.
            String entries = "SELECT block_id FROM audit_entries WHERE subject_id IN (SELECT CAST(signal_id AS VARCHAR(100)) FROM signals "
                    + "WHERE partner_id = '" + PARTNER + "')";
            s.executeUpdate("DELETE FROM audit_blocks WHERE block_id IN (" + entries + ")");
            s.executeUpdate("DELETE FROM audit_entries WHERE block_id IN (" + entries + ")");
            s.executeUpdate("DELETE FROM outbox WHERE signal_id IN (SELECT signal_id FROM signals WHERE partner_id = '" + PARTNER + "')");
            s.executeUpdate("DELETE FROM signals WHERE partner_id = '" + PARTNER + "'");
        }
        db.commit();
    }
}
