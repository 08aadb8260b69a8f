package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.signaalpoort.support.StandaloneGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Changing a partner's thresholds gives a new rule set version, kept in the database and logged. */
@ExtendWith(OutputCaptureExtension.class)
class RuleSetChangeIT {

    @Test
    void aChangedThresholdIsANewLoggedVersion(CapturedOutput output) throws Exception {
        Path partners = Files.createTempFile("partners", ".yaml");
        StandaloneGateway gateway = new StandaloneGateway("rule_change_it").with("signaalpoort.partners.registry", "file:" + partners);

        Files.writeString(partners, registry("60.00"));
        String first;
        try (ConfigurableApplicationContext context = gateway.start()) {
            first = versions(context).get(0);
        }
        assertThat(output.getAll()).doesNotContain("rule set energy/demo-energie changed");

        Files.writeString(partners, registry("90.00"));
        try (ConfigurableApplicationContext context = gateway.start()) {
            List<String> versions = versions(context);
            assertThat(versions).hasSize(2).contains(first);
            String second = versions.stream().filter(v -> !v.equals(first)).findFirst().orElseThrow();
            assertThat(output.getAll()).contains("rule set energy/demo-energie changed: version " + first + " -> " + second);
            String criteria = context.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT parameters FROM rule_set_versions WHERE rule_set_id = 'energy/demo-energie' AND version = ?", String.class, second);
            assertThat(criteria).contains("\"minimumAmount\":90.00");
        }
    }

    private static List<String> versions(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList(
                "SELECT version FROM rule_set_versions WHERE rule_set_id = 'energy/demo-energie' ORDER BY first_seen_at", String.class);
    }

    private static String registry(String minimum) {
        return """
                partners:
                  - id: demo-energie
                    name: Demo Energie
                    oin: "00000099000000000101"
                    sector: ENERGY
                    rules:
                      minimumAmount: %s
                """.formatted(minimum);
    }
}
