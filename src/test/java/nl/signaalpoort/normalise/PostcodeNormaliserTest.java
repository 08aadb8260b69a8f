package nl.signaalpoort.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeNormaliserTest {

    private final PostcodeNormaliser normaliser = new PostcodeNormaliser();

    @ParameterizedTest
    @CsvSource({"1012LG, 1012LG", "1012 lg, 1012LG", " 1012  Lg , 1012LG", "9999ZZ, 9999ZZ"})
    void normalises(String raw, String expected) {
        assertThat(normaliser.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123AB", "123AB", "12345AB", "1012L", "1012SA", "1012SD", "1012SS", "ABCD12", "", "1012-LG"})
    void refuses(String raw) {
        assertThat(normaliser.normalise(raw)).isEmpty();
    }
}
