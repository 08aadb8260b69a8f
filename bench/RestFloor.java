import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of REST intake: a minimal Spring MVC endpoint on the same Tomcat, TLS and driver as the
 * gateway, doing per request only the work no gateway can skip for one signal, and nothing more:
 * mutual TLS (the client certificate required and checked against the development trust store),
 * parse the JSON body, three HMAC-SHA256 pseudonyms, AES-256-GCM over the personal fields, a
 * signal row and an outbox row in one transaction, and a JSON receipt. Its tables are the
 * gateway's schema at its minimum (a primary key each, the outbox pointing at its signal), in a
 * schema of its own (bench_rest_floor), created at start and dropped at stop.
 * bench/rest-vs-floor.sh runs it and the gateway back to back under bench/RestIntakeLoad.java.
 *
 *   javac -cp "$(cat target/cp.txt)" -d /tmp/floor bench/RestFloor.java
 *   java -cp "/tmp/floor:$(cat target/cp.txt)" RestFloor --server.port=18443 \
 *        --spring.datasource.url=jdbc:postgresql://localhost:5432/signaalpoort \
 *        --spring.datasource.username=signaalpoort --spring.datasource.password=signaalpoort
 * Runs until stopped.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        SslAutoConfiguration.class, DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@Import(RestFloor.Intake.class)
public class RestFloor {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(RestFloor.class);
        app.setDefaultProperties(Map.of(
                "server.ssl.key-store", "file:certs-dev/server.p12",
                "server.ssl.key-store-password", "changeit-dev-only",
                "server.ssl.key-store-type", "PKCS12",
                "server.ssl.trust-store", "file:certs-dev/truststore.p12",
                "server.ssl.trust-store-password", "changeit-dev-only",
                "server.ssl.trust-store-type", "PKCS12",
                "server.ssl.client-auth", "need",
                "server.ssl.enabled-protocols", "TLSv1.3,TLSv1.2"));
        app.run(args);
    }

    @RestController
    static class Intake {

        private static final ObjectMapper JSON = new ObjectMapper();
        /** Time-ordered ids, as the gateway's (each new key lands at the end of the primary key). */
        private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
        private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key(), "HmacSHA256"));
                return mac;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
            try {
                return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        private static final byte[] HMAC_KEY = new byte[32];
        private static final SecretKeySpec AES;

        static {
            SecureRandom random = new SecureRandom();
            random.nextBytes(HMAC_KEY);
            byte[] aes = new byte[32];
            random.nextBytes(aes);
            AES = new SecretKeySpec(aes, "AES");
        }

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transactions;
        private final SecureRandom random = new SecureRandom();
        private final HexFormat hex = HexFormat.of();

        Intake(JdbcTemplate jdbc, TransactionTemplate transactions) {
            this.jdbc = jdbc;
            this.transactions = transactions;
            jdbc.execute("DROP SCHEMA IF EXISTS bench_rest_floor CASCADE");
            jdbc.execute("CREATE SCHEMA bench_rest_floor");
            jdbc.execute("""
                    CREATE TABLE bench_rest_floor.signals (
                        signal_id UUID NOT NULL PRIMARY KEY, partner_id VARCHAR(64) NOT NULL, reference VARCHAR(64) NOT NULL,
                        municipality_code VARCHAR(6) NOT NULL, person_pseudonym VARCHAR(64) NOT NULL,
                        household_pseudonym VARCHAR(64) NOT NULL, tolerant_pseudonym VARCHAR(64) NOT NULL,
                        total_amount_cents BIGINT NOT NULL, personal_data BYTEA NOT NULL, received_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
            jdbc.execute("""
                    CREATE TABLE bench_rest_floor.outbox (
                        outbox_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        signal_id UUID NOT NULL REFERENCES bench_rest_floor.signals (signal_id),
                        municipality_code VARCHAR(6) NOT NULL, next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> jdbc.execute("DROP SCHEMA IF EXISTS bench_rest_floor CASCADE")));
        }

        private static byte[] key() {
            return HMAC_KEY;
        }

        @PostMapping(path = "/api/v1/signals", consumes = "application/json", produces = "application/json")
        Map<String, Object> signal(@RequestBody byte[] body) throws Exception {
            JsonNode s = JSON.readTree(body);
            JsonNode debtor = s.path("debtor");
            JsonNode address = s.path("address");
            String surname = debtor.path("surname").asText().toLowerCase();
            String initials = debtor.path("initials").asText().toLowerCase();
            String birthDate = debtor.path("birthDate").asText();
            String postcode = address.path("postcode").asText().replace(" ", "").toUpperCase();
            String houseNumber = address.path("houseNumber").asText();
            Mac mac = HMAC.get();
            String person = hex.formatHex(mac.doFinal((surname + "|" + initials + "|" + birthDate).getBytes(StandardCharsets.UTF_8)));
            String household = hex.formatHex(mac.doFinal((postcode + "|" + houseNumber).getBytes(StandardCharsets.UTF_8)));
            String tolerant = hex.formatHex(mac.doFinal((surname + "|" + birthDate).getBytes(StandardCharsets.UTF_8)));
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher gcm = GCM.get();
            gcm.init(Cipher.ENCRYPT_MODE, AES, new GCMParameterSpec(128, iv));
            byte[] sealed = gcm.doFinal(JSON.writeValueAsBytes(List.of(debtor, address, s.path("contact"))));
            byte[] stored = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, stored, 0, iv.length);
            System.arraycopy(sealed, 0, stored, iv.length, sealed.length);
            UUID id = IDS.generate();
            String reference = s.path("reference").asText();
            String municipality = postcode.startsWith("1") ? "GM0363" : "GM0344";
            long cents = new BigDecimal(s.path("arrears").path("totalAmount").asText()).movePointRight(2).longValueExact();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            transactions.executeWithoutResult(tx -> {
                jdbc.update("INSERT INTO bench_rest_floor.signals (signal_id, partner_id, reference, municipality_code, person_pseudonym, "
                        + "household_pseudonym, tolerant_pseudonym, total_amount_cents, personal_data, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, "demo-energie", reference, municipality, person, household,
                        tolerant, cents, stored, now);
                jdbc.update("INSERT INTO bench_rest_floor.outbox (signal_id, municipality_code, next_attempt_at) VALUES (?, ?, ?)",
                        id, municipality, now);
            });
            return Map.of("accepted", 1, "rejected", 0,
                    "receipts", List.of(Map.of("reference", reference, "status", "ACCEPTED", "signalId", id.toString())));
        }
    }
}
