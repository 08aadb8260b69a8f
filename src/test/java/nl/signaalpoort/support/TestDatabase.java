package nl.signaalpoort.support;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The database integration tests run on: a fresh in-memory H2, or the PostgreSQL CI started. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("signaalpoort.it.database", "h2"));
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (isPostgres()) {
            registry.add("spring.datasource.url", () -> System.getProperty("signaalpoort.it.postgres.url"));
            registry.add("spring.datasource.username", () -> System.getProperty("signaalpoort.it.postgres.user"));
            registry.add("spring.datasource.password", () -> System.getProperty("signaalpoort.it.postgres.password"));
        } else {
            String name = "it-" + UUID.randomUUID();
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
    }
}
