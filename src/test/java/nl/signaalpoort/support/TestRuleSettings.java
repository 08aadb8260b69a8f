package nl.signaalpoort.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import nl.signaalpoort.config.MoneyConverter;
import nl.signaalpoort.rules.RuleParameters;
import nl.signaalpoort.rules.RuleProperties;
import nl.signaalpoort.rules.RuleSet;
import nl.signaalpoort.signal.Sector;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/** The sector default rule sets exactly as shipped in application.yaml, bound the way Spring binds them. */
public final class TestRuleSettings {

    private static RuleProperties properties;

    private TestRuleSettings() {
    }

    public static synchronized RuleProperties properties() {
        if (properties == null) {
            try {
                var sources = new YamlPropertySourceLoader().load("application",
                        new FileSystemResource("src/main/resources/application.yaml"));
                ApplicationConversionService conversions = new ApplicationConversionService();
                conversions.addConverter(new MoneyConverter());
                properties = new Binder(ConfigurationPropertySources.from(sources), null, conversions)
                        .bind("signaalpoort.rules", RuleProperties.class).get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    public static RuleSet ruleSet(Sector sector, RuleParameters overrides) {
        return RuleSet.of(sector.name().toLowerCase() + "/test", sector, properties().defaults(sector).overriddenBy(overrides));
    }
}
