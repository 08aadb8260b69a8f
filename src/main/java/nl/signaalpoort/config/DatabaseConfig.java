package nl.signaalpoort.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool, whatever the profile. On PostgreSQL the driver is told to keep the server's
 * error details and a failed batch's bound values out of its exception messages: those values
 * (references, pseudonyms, ciphertext) would otherwise reach the log through any stack trace,
 * such as the one Spring logs when a rollback fails during a database outage.
 */
@Configuration
public class DatabaseConfig {

    @Bean
    static BeanPostProcessor quietPostgresErrors() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    pool.addDataSourceProperty("logServerErrorDetail", "false");
                }
                return bean;
            }
        };
    }
}
