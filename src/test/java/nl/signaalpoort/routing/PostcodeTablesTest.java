package nl.signaalpoort.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import nl.signaalpoort.support.MovableClock;
import org.junit.jupiter.api.Test;

class PostcodeTablesTest {

    private static PostcodeTable table(String code) {
        return PostcodeTable.read(new ByteArrayInputStream((PostcodeTable.HEADER + "\n1012;;;" + code + "\n").getBytes(StandardCharsets.UTF_8)),
                "test");
    }

    @Test
    void aVersionTakesOverAtTheStartOfItsDutchDayWithoutAnythingElseHappening() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-31T22:59:00Z"));
        PostcodeTables tables = new PostcodeTables(table("GM0363"), clock);
        tables.install(LocalDate.of(2027, 1, 1), "v2027", table("GM0344"));

        assertThat(tables.inForceToday().municipalityCode("1012LG", 1)).hasValue("GM0363");
        clock.now = Instant.parse("2026-12-31T23:00:00Z");   // midnight in the Netherlands (UTC+1)
        assertThat(tables.inForceToday().municipalityCode("1012LG", 1)).hasValue("GM0344");
        assertThat(tables.has(LocalDate.of(2027, 1, 1), "v2027")).isTrue();
        assertThat(tables.has(LocalDate.of(2027, 1, 1), "other")).isFalse();
    }

    @Test
    void aCorrectionForTodayIsInForceAtOnceThoughTodaysTableWasLookedUpBefore() {
        MovableClock clock = new MovableClock(Instant.parse("2027-01-02T10:00:00Z"));
        PostcodeTables tables = new PostcodeTables(table("GM0363"), clock);
        assertThat(tables.inForceToday().municipalityCode("1012LG", 1)).hasValue("GM0363");

        tables.install(LocalDate.of(2027, 1, 2), "fix", table("GM0344"));

        assertThat(tables.inForceToday().municipalityCode("1012LG", 1)).hasValue("GM0344");
    }

    @Test
    void versionsSupersededBeforeTodayAreLetGo() {
        MovableClock clock = new MovableClock(Instant.parse("2027-01-02T10:00:00Z"));
        PostcodeTables tables = new PostcodeTables(table("GM0363"), clock);
        tables.install(LocalDate.of(2027, 1, 1), "a", table("GM0344"));
        tables.install(LocalDate.of(2027, 2, 1), "b", table("GM0599"));

        assertThat(tables.installed().keySet()).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1));
        assertThat(tables.inForceOn(LocalDate.of(2027, 2, 1)).municipalityCode("1012LG", 1)).hasValue("GM0599");
    }
}
