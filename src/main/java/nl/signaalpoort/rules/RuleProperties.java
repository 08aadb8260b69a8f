package nl.signaalpoort.rules;

import java.util.Map;
import nl.signaalpoort.signal.Sector;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The sector default rule sets (docs/domain.md section 4), as settings. */
@ConfigurationProperties("signaalpoort.rules")
public record RuleProperties(Map<Sector, RuleParameters> sectors) {

    public RuleParameters defaults(Sector sector) {
        RuleParameters p = sectors == null ? null : sectors.get(sector);
        if (p == null) {
            throw new IllegalStateException("signaalpoort.rules.sectors." + sector + " is not configured");
        }
        return p;
    }
}
