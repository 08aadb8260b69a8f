package nl.signaalpoort.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param gaugeRefresh    how often the backlog snapshot behind the operators' gauges is refreshed
 * @param backlogAgeAlert how old the oldest waiting signal of a municipality delivered at once may
 *                        get before operators are alerted (daily municipalities: a day more)
 * @param urgentAgeAlert  how long a crisis or end-of-supply signal may wait before operators are alerted
 */
@ConfigurationProperties("signaalpoort.ops")
public record OpsProperties(Duration gaugeRefresh, Duration backlogAgeAlert, Duration urgentAgeAlert) {
}
