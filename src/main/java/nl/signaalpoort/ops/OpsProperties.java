package nl.signaalpoort.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param gaugeRefresh how often the backlog snapshot behind the operators' gauges is refreshed */
@ConfigurationProperties("signaalpoort.ops")
public record OpsProperties(Duration gaugeRefresh) {
}
