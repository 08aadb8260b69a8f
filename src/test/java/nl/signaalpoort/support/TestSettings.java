package nl.signaalpoort.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import nl.signaalpoort.config.MoneyConverter;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/** Binds a part of application.yaml exactly as shipped, the way Spring binds it, for unit tests. */
public final class TestSettings {

    private TestSettings() {
    }

    public static <T> T bind(String prefix, Class<T> type) {
        try {
            var sources = new YamlPropertySourceLoader().load("application", new FileSystemResource("src/main/resources/application.yaml"));
            ApplicationConversionService conversions = new ApplicationConversionService();
            conversions.addConverter(new MoneyConverter());
            return new Binder(ConfigurationPropertySources.from(sources), null, conversions).bind(prefix, type).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
