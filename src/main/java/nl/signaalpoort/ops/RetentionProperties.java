package nl.signaalpoort.ops;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param afterClose how long personal data is kept after its case closed (final outcome)
 * @param maxAge     how long personal data is kept at most after receipt, closed or not
 * @param interval   how often the retention job runs
 */
@ConfigurationProperties("signaalpoort.retention")
public record RetentionProperties(Period afterClose, Period maxAge, Duration interval) {
}
