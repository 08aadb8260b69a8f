package nl.signaalpoort.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailNormaliserTest {

    private final EmailNormaliser normaliser = new EmailNormaliser();

    @ParameterizedTest
    @CsvSource({" J.Jansen@Example.NL , j.jansen@example.nl", "a+b@sub.domain.org, a+b@sub.domain.org"})
    void lowerCasesAndTrims(String raw, String expected) {
        assertThat(normaliser.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jansen", "jansen@", "@example.nl", "a@b", "a..b@example.nl", "a@exa mple.nl", ".a@example.nl", "a.@example.nl"})
    void refuses(String raw) {
        assertThat(normaliser.normalise(raw)).isEmpty();
    }
}
