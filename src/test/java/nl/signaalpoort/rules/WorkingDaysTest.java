package nl.signaalpoort.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

    private final WorkingDays days = new WorkingDays();

    @ParameterizedTest(name = "{0}: working day {1}")
    @CsvSource({
        "2027-03-26, true",   // Good Friday: an observance, not a public holiday
        "2027-03-29, false",  // Easter Monday
        "2027-04-27, false",  // King's Day
        "2026-04-27, false",  // King's Day on a Monday
        "2025-04-26, false",  // King's Day 2025 moved to Saturday 26 April (27th a Sunday), and a weekend anyway
        "2027-05-05, false",  // Liberation Day
        "2027-05-06, false",  // Ascension Day
        "2027-05-17, false",  // Whit Monday
        "2027-12-27, true",   // Monday after Christmas weekend
        "2027-12-24, true",
        "2027-01-01, false",
        "2027-03-27, false",  // Saturday
        "2027-03-30, true"})
    void knowsDutchWorkingDays(LocalDate day, boolean working) {
        assertThat(days.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "2027-03-26, 2027-04-26, 20",
        "2027-03-26, 2027-04-23, 19",
        "2027-03-30, 2027-04-28, 20",
        "2027-03-30, 2027-04-27, 19",
        "2027-03-30, 2027-03-30, 0",
        "2027-03-30, 2027-03-29, 0"})
    void countsWorkingDaysAfterTheStart(LocalDate from, LocalDate to, int expected) {
        assertThat(days.between(from, to)).isEqualTo(expected);
    }
}
