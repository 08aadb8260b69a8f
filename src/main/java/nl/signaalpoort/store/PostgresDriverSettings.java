package nl.signaalpoort.store;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The PostgreSQL driver's settings, whatever the profile and URL, set before the pool's first
 * connection:
 * <ul>
 * <li>{@code logServerErrorDetail=false}: the server's error details and a failed batch's bound
 * values stay out of exception messages; those values (references, pseudonyms, ciphertext) would
 * otherwise reach the log through any stack trace, such as the one Spring logs when a rollback
 * fails during a database outage.</li>
 * <li>{@code reWriteBatchedInserts=true}: a JDBC batch of inserts goes as multi-row INSERTs, not
 * one statement per row (intake's own chunks go as COPY, {@link BulkInsert}).</li>
 * </ul>
 */
@Component
public class PostgresDriverSettings implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("logServerErrorDetail", "false");
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
