package nl.signaalpoort.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.signaalpoort.json.Mappers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Spring MVC and the security layer's problem answers use the gateway's own web mapper, not one built from spring.jackson.* settings. */
@Configuration
public class JacksonConfig {

    @Bean
    @Primary
    ObjectMapper objectMapper() {
        return Mappers.WEB;
    }
}
