package nl.signaalpoort.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param municipalities the municipality registry (YAML)
 * @param postcodeTable  the postcode to municipality table (CSV, format in contracts/routing/postcode-table.md)
 */
@ConfigurationProperties("signaalpoort.routing")
public record RoutingProperties(Resource municipalities, Resource postcodeTable) {
}
