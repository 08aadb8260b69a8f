package nl.signaalpoort.ops;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param afterClose how long personal data is kept after its case closed (final outcome)
 * @param maxAge     how long personal data is kept at most after receipt, closed or not
 * @param interval   how often the retention job runs
 * @param staleFiles temporary files a crash left (half-written receipts and feedback files, opened
 *                   OpenPGP files in the work folder) are removed once unchanged this long
 * @param quarantine how long a refused file is kept for the operators (as uploaded: it may hold
 *                   personal data in plain text)
 */
@ConfigurationProperties("signaalpoort.retention")
public record RetentionProperties(Period afterClose, Period maxAge, Duration interval, Duration staleFiles,
        @DefaultValue("P30D") Duration quarantine) {
}
