package nl.signaalpoort.config;

import nl.signaalpoort.signal.Money;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets settings hold amounts in euros ("50.00"), read exactly like the API reads them. */
@Component
@ConfigurationPropertiesBinding
public class MoneyConverter implements Converter<String, Money> {

    @Override
    public Money convert(String euros) {
        return Money.ofEuros(euros.trim());
    }
}
