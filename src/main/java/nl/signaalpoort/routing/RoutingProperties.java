package nl.signaalpoort.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * @param municipalities the municipality registry (YAML)
 * @param postcodeTable  the postcode to municipality table (CSV, format in contracts/routing/postcode-table.md)
 * @param mergerCheck    how often the leader moves the open work of municipalities that have merged to their successors
 */
@ConfigurationProperties("signaalpoort.routing")
public record RoutingProperties(Resource municipalities, Resource postcodeTable, @DefaultValue("PT5M") Duration mergerCheck) {
}
