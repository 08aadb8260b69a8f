package nl.signaalpoort.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile, refuses to start while any setting still points into
 * {@code certs-dev/}: that material is public, so it protects nothing.
 */
@Component
@Profile("prod")
public class DevMaterialGuard {

    static final String DEV_FOLDER = "certs-dev";

    public DevMaterialGuard(ConfigurableEnvironment environment) {
        List<String> offending = environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .map(EnumerablePropertySource.class::cast)
                .flatMap(source -> Arrays.stream(source.getPropertyNames()))
                .distinct()
                .filter(name -> pointsIntoDevFolder(environment, name))
                .sorted()
                .toList();
        if (!offending.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses development key material from " + DEV_FOLDER
                    + "/; set real values for: " + String.join(", ", offending));
        }
    }

    private static boolean pointsIntoDevFolder(ConfigurableEnvironment environment, String name) {
        try {
            String value = environment.getProperty(name);
            return value != null && value.contains(DEV_FOLDER);
        } catch (IllegalArgumentException unresolvable) {
            return false;
        }
    }
}
