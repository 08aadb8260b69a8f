package nl.signaalpoort.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** Where the partner registry lives. */
@ConfigurationProperties("signaalpoort.partners")
public record PartnerRegistryProperties(Resource registry) {
}
