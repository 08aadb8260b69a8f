package nl.signaalpoort.store;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Tells the PostgreSQL driver, whatever the profile, to keep the server's error details and a
 * failed batch's bound values out of its exception messages: those values (references,
 * pseudonyms, ciphertext) would otherwise reach the log through any stack trace, such as the one
 * Spring logs when a rollback fails during a database outage. Set before the pool's first
 * connection.
 */
@Component
public class PostgresErrorDetail implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("logServerErrorDetail", "false");
        }
        return bean;
    }
}
