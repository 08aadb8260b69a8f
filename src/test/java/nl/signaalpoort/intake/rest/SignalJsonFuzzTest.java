package nl.signaalpoort.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.intake.Submission;

/** Any bytes as a REST body: submissions to judge, or a refusal with a problem code; never anything else. */
class SignalJsonFuzzTest {

    private static final SignalJsonReader READER = new SignalJsonReader(1000);

    @FuzzTest(maxDuration = "10s")
    void body(byte[] data) {
        try {
            List<Submission> submissions = READER.read(data);
            assertThat(submissions).isNotEmpty().hasSizeLessThanOrEqualTo(1000);
        } catch (ApiProblemException refused) {
            assertThat(refused.code()).isNotNull();
        }
    }
}
