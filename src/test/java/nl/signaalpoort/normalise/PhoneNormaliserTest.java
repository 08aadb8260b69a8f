package nl.signaalpoort.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormaliserTest {

    private final PhoneNormaliser normaliser = new PhoneNormaliser();

    @ParameterizedTest
    @CsvSource({
        "06 12345678, +31612345678",
        "06-12345678, +31612345678",
        "+31 6 12345678, +31612345678",
        "0031612345678, +31612345678",
        "020 624 1111, +31206241111",
        "+32 470 12 34 56, +32470123456"})
    void toE164(String raw, String expected) {
        assertThat(normaliser.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "06 1234", "not a number", "+31 6 1234567890123", "0000000000"})
    void refusesWhatIsNoPhoneNumber(String raw) {
        assertThat(normaliser.normalise(raw)).isEmpty();
    }
}
