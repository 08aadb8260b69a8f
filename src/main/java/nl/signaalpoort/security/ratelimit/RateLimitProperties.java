package nl.signaalpoort.security.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests per organisation on the API port (REST and SOAP together), partners and municipalities
 * alike; operators are not limited.
 *
 * @param standard      the limit of every organisation without one of its own
 * @param organisations limits of their own, by partner id or municipality code
 */
@ConfigurationProperties("signaalpoort.rate-limits")
public record RateLimitProperties(Limit standard, Map<String, Limit> organisations) {

    /** @param requests how many requests per {@code period}; the rest is refused until the period renews */
    public record Limit(int requests, Duration period) {
        public Limit {
            if (requests < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalStateException("a rate limit needs requests (at least 1) and a positive period");
            }
        }
    }

    public RateLimitProperties {
        if (standard == null) {
            throw new IllegalStateException("signaalpoort.rate-limits.standard is required");
        }
        organisations = organisations == null ? Map.of() : Map.copyOf(organisations);
    }

    Limit of(String organisationId) {
        return organisations.getOrDefault(organisationId, standard);
    }
}
