package nl.signaalpoort.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void eachOrganisationHasItsOwnLimitAndTheRefusalSaysHowLongToWait() {
        RateLimits limits = new RateLimits(new RateLimitProperties(new RateLimitProperties.Limit(2, Duration.ofHours(1)),
                Map.of("big", new RateLimitProperties.Limit(5, Duration.ofHours(1)))), new SimpleMeterRegistry());

        assertThat(limits.refusal("small")).isEmpty();
        assertThat(limits.refusal("small")).isEmpty();
        assertThat(limits.refusal("small")).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofMinutes(50)).isLessThanOrEqualTo(Duration.ofHours(1)));
        for (int i = 0; i < 5; i++) {
            assertThat(limits.refusal("big")).as("request %d", i + 1).isEmpty();
        }
        assertThat(limits.refusal("big")).isPresent();
        assertThat(limits.refusal("other")).as("not held up by the others").isEmpty();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(RateLimits.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimits.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RateLimits.retryAfterSeconds(Duration.ofSeconds(30))).isEqualTo(30);
    }

    @Test
    void aLimitNeedsRequestsAndAPeriod() {
        assertThatThrownBy(() -> new RateLimitProperties.Limit(0, Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RateLimitProperties.Limit(1, Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }
}
