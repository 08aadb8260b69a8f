package nl.signaalpoort.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import nl.signaalpoort.intake.batch.BatchFileProblem;
import nl.signaalpoort.intake.soap.SoapFaultCode;
import nl.signaalpoort.rules.RuleDescription;
import nl.signaalpoort.rules.RuleEngine;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Sector;
import nl.signaalpoort.support.TestRuleSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code a caller can get has a sentence in Dutch and in English. */
class MessagesCompletenessTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyCodeHasASentence(String file) throws Exception {
        Properties messages = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
            messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(messages.getProperty("reason." + code.name())).as("reason.%s in %s", code, file).isNotBlank();
        }
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(messages.getProperty("problem." + code.name())).as("problem.%s in %s", code, file).isNotBlank();
            assertThat(messages.getProperty("problem-detail." + code.name())).as("problem-detail.%s in %s", code, file).isNotBlank();
        }
        for (BatchFileProblem code : BatchFileProblem.values()) {
            assertThat(messages.getProperty("file." + code.name())).as("file.%s in %s", code, file).isNotBlank();
        }
        for (SoapFaultCode code : SoapFaultCode.values()) {
            assertThat(messages.getProperty("soapfault." + code.name())).as("soapfault.%s in %s", code, file).isNotBlank();
        }
        RuleEngine engine = new RuleEngine();
        for (Sector sector : Sector.values()) {
            for (RuleDescription rule : engine.describe(TestRuleSettings.ruleSet(sector, null))) {
                assertThat(messages.getProperty("rule." + rule.code().name())).as("rule.%s in %s", rule.code(), file).isNotBlank();
            }
        }
    }
}
