package nl.signaalpoort.monitor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly DDAS-Vroegsignalering export (signaalpoort.monitor.*).
 *
 * @param supplierCode the model's {@code codeGegevensleverancier}: the code the monitor knows this gateway by
 * @param pageSize     signals and cases per page (per file), at most 50,000 as the monitor accepts
 * @param fileDay      from this day of a month (Dutch time) the previous month's files are written
 *                     into the folders of municipalities delivered by FILE or SFTP
 * @param fileInterval how often the leader looks for months whose files are due
 */
@ConfigurationProperties("signaalpoort.monitor")
public record MonitorProperties(@DefaultValue("SIGNAALPOORT") String supplierCode, @DefaultValue("50000") int pageSize,
        @DefaultValue("1") int fileDay, @DefaultValue("PT1H") Duration fileInterval) {

    public static final int MAX_PAGE_SIZE = 50_000;

    public MonitorProperties {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("signaalpoort.monitor.page-size must be 1 to " + MAX_PAGE_SIZE);
        }
        if (fileDay < 1 || fileDay > 28) {
            throw new IllegalArgumentException("signaalpoort.monitor.file-day must be 1 to 28");
        }
        if (supplierCode == null || supplierCode.isBlank()) {
            throw new IllegalArgumentException("signaalpoort.monitor.supplier-code must be set");
        }
    }
}
