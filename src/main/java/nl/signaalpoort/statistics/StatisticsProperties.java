package nl.signaalpoort.statistics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly statistics file for SFTP partners (signaalpoort.statistics.*).
 *
 * @param fileDay      from this day of a month (Dutch time) the previous month's file is written
 * @param fileInterval how often the leader looks for months whose files are due
 */
@ConfigurationProperties("signaalpoort.statistics")
public record StatisticsProperties(@DefaultValue("1") int fileDay, @DefaultValue("PT1H") Duration fileInterval) {

    public StatisticsProperties {
        if (fileDay < 1 || fileDay > 28) {
            throw new IllegalArgumentException("signaalpoort.statistics.file-day must be 1 to 28");
        }
    }
}
