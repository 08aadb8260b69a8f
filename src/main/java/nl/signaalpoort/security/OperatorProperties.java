package nl.signaalpoort.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param oins the OINs (client certificate subject serialNumber) of the gateway's own operators */
@ConfigurationProperties("signaalpoort.operators")
public record OperatorProperties(List<String> oins) {

    public OperatorProperties {
        oins = oins == null ? List.of() : List.copyOf(oins);
    }
}
