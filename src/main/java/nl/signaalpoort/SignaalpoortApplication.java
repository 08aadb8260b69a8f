package nl.signaalpoort;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SignaalpoortApplication {
    public static void main(String[] args) {
        SpringApplication.run(SignaalpoortApplication.class, args);
    }
}
