package nl.signaalpoort.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sealInterval how often new entries are put in the hash chain (until then they are
 *                     recorded but not yet tamper-evident)
 */
@ConfigurationProperties("signaalpoort.audit")
public record AuditProperties(Duration sealInterval) {
}
