package nl.signaalpoort.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormaliserTest {

    private final NameNormaliser names = new NameNormaliser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "van der Berg|van der|Berg",
        "Van Der Berg|van der|Berg",
        "  van   den   Heuvel |van den|Heuvel",
        "de Vries|de|Vries",
        "in 't Veld|in 't|Veld",
        "ter Horst|ter|Horst",
        "Jansen|NULL|Jansen",
        "Van|NULL|Van",
        "Devries|NULL|Devries",
        "Vries-de Jong|NULL|Vries-de Jong"}, nullValues = "NULL")
    void splitsTheSurnamePrefix(String raw, String prefix, String surname) {
        NameNormaliser.SplitSurname split = names.surname(null, raw).orElseThrow();
        assertThat(split.prefix()).isEqualTo(prefix);
        assertThat(split.surname()).isEqualTo(surname);
    }

    @Test
    void keepsAGivenPrefixAndDoesNotSplitAgain() {
        NameNormaliser.SplitSurname split = names.surname(" Van  der ", "Berg").orElseThrow();
        assertThat(split.prefix()).isEqualTo("van der");
        assertThat(split.surname()).isEqualTo("Berg");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"j.p.|J.P.", "J P|J.P.", "JP|J.P.", "Th.J.|Th.J.", "th j|Th.J.", "A|A."})
    void normalisesInitials(String raw, String expected) {
        assertThat(names.initials(raw, null)).contains(expected);
    }

    @Test
    void derivesInitialsFromGivenNames() {
        assertThat(names.initials(null, "Jan Pieter")).contains("J.P.");
        assertThat(names.initials(null, "Anne-Marie")).contains("A.M.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"J.1.", "#", "Abcd"})
    void refusesInitialsThatAreNone(String raw) {
        assertThat(names.initials(raw, null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jansen2", "<script>", "   ", "@@"})
    void refusesNamesWithForeignCharacters(String raw) {
        assertThat(names.name(raw)).isEmpty();
    }

    @Test
    void acceptsAccentsHyphensAndApostrophes() {
        assertThat(names.name("  Çelik-O'Neill  ")).contains("Çelik-O'Neill");
    }
}
