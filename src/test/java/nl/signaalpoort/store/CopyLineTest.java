package nl.signaalpoort.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** COPY's text format as BulkInsert writes it: what PostgreSQL reads back as the values given. */
class CopyLineTest {

    private final BulkInsert.CopyLine line = new BulkInsert.CopyLine(new StringBuilder());

    @Test
    void valuesAreSeparatedByTabsAndRowsByNewlines() throws Exception {
        line.text("a").number(42).bool(true).bool(false);
        line.end();
        line.text("b").number(-7).bool(false).bool(true);
        line.end();
        assertThat(line.text()).isEqualTo("a\t42\tt\tf\nb\t-7\tf\tt\n");
    }

    @Test
    void nullIsBackslashN() throws Exception {
        line.text(null).uuid(null).date(null).time(null).bytes(null);
        line.end();
        assertThat(line.text()).isEqualTo("\\N\t\\N\t\\N\t\\N\t\\N\n");
    }

    @Test
    void backslashTabNewlineAndReturnAreEscapedWhereverTheyStand() throws Exception {
        line.text("plain").text("\\start").text("mid\tdle").text("end\n").text("a\rb\\c\td");
        line.end();
        assertThat(line.text()).isEqualTo("plain\t\\\\start\tmid\\tdle\tend\\n\ta\\rb\\\\c\\td\n");
    }

    @Test
    void textWithoutSpecialCharactersIsCopiedAsItIs() throws Exception {
        String json = "{\"terms\":[{\"amount\":6000}],\"naam\":\"Jansen-ÿ €\"}";
        line.text(json);
        line.end();
        assertThat(line.text()).isEqualTo(json + "\n");
    }

    @Test
    void bytesAreByteaHexWithTheBackslashEscaped() throws Exception {
        line.bytes(new byte[] {0x00, (byte) 0xab, 0x7f});
        line.end();
        assertThat(line.text()).isEqualTo("\\\\x00ab7f\n");
    }

    @Test
    void eachTimeIsWrittenAsItsOwnValueEvenWhenRowsRepeatOne() throws Exception {
        OffsetDateTime first = OffsetDateTime.of(2026, 12, 2, 10, 15, 30, 123_456_000, ZoneOffset.UTC);
        OffsetDateTime second = first.plusNanos(1_000);
        line.time(first).date(LocalDate.of(2026, 11, 1)).uuid(UUID.fromString("01a23756-ca28-739c-9de3-1de17b3b26ae"));
        line.end();
        line.time(first);
        line.end();
        line.time(second);
        line.end();
        line.time(first);
        line.end();
        assertThat(line.text()).isEqualTo("2026-12-02T10:15:30.123456Z\t2026-11-01\t01a23756-ca28-739c-9de3-1de17b3b26ae\n"
                + "2026-12-02T10:15:30.123456Z\n2026-12-02T10:15:30.123457Z\n2026-12-02T10:15:30.123456Z\n");
    }
}
