package nl.signaalpoort.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** COPY's binary format as BulkInsert writes it (CopyBinary), read back here field by field as PostgreSQL reads it. */
class CopyBinaryTest {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    @Test
    void aStreamIsHeaderRowsAndTrailer() {
        CopyBinary rows = new CopyBinary(2, 1);
        rows.begin();
        rows.integer(7).bool(true);
        ByteBuffer in = rows.finish();

        byte[] signature = new byte[11];
        in.get(signature);
        assertThat(signature).isEqualTo(SIGNATURE);
        assertThat(in.getInt()).as("flags").isZero();
        assertThat(in.getInt()).as("header extension").isZero();
        assertThat(in.getShort()).as("values in the row").isEqualTo((short) 2);
        assertThat(in.getInt()).isEqualTo(4);
        assertThat(in.getInt()).isEqualTo(7);
        assertThat(in.getInt()).isEqualTo(1);
        assertThat(in.get()).isEqualTo((byte) 1);
        assertThat(in.getShort()).as("trailer").isEqualTo((short) -1);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void nullIsLengthMinusOneWhateverTheType() {
        ByteBuffer in = row(5, r -> r.text(null).uuid(null).date(null).time(null).bytes(null));
        for (int i = 0; i < 5; i++) {
            assertThat(in.getInt()).isEqualTo(-1);
        }
        assertThat(in.getShort()).isEqualTo((short) -1);
    }

    @Test
    void textIsItsUtf8BytesWithNothingEscaped() {
        String awkward = "tab\tnewline\nbackslash\\N €ÿ";
        ByteBuffer in = row(1, r -> r.text(awkward));
        assertThat(new String(value(in), StandardCharsets.UTF_8)).isEqualTo(awkward);
    }

    @Test
    void bytesGoAsTheyAre() {
        byte[] raw = {0, '\\', '\t', (byte) 0xff};
        assertThat(value(row(1, r -> r.bytes(raw)))).isEqualTo(raw);
        assertThat(value(row(1, r -> r.bytes(new byte[0])))).isEmpty();
    }

    @Test
    void numbersAreBigEndianOfTheColumnsWidth() {
        ByteBuffer in = row(3, r -> r.number(-2L).number(Long.MAX_VALUE).integer(Integer.MIN_VALUE));
        assertThat(ByteBuffer.wrap(value(in)).getLong()).isEqualTo(-2L);
        assertThat(ByteBuffer.wrap(value(in)).getLong()).isEqualTo(Long.MAX_VALUE);
        byte[] integer = value(in);
        assertThat(integer).hasSize(4);
        assertThat(ByteBuffer.wrap(integer).getInt()).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void aUuidIsItsSixteenBytes() {
        UUID id = UUID.fromString("01a23756-ca28-739c-9de3-1de17b3b26ae");
        ByteBuffer value = ByteBuffer.wrap(value(row(1, r -> r.uuid(id))));
        assertThat(new UUID(value.getLong(), value.getLong())).isEqualTo(id);
        assertThat(value.hasRemaining()).isFalse();
    }

    @Test
    void datesCountDaysFrom2000() {
        ByteBuffer in = row(3, r -> r.date(LocalDate.of(2000, 1, 1)).date(LocalDate.of(1999, 12, 31)).date(LocalDate.of(2026, 12, 4)));
        assertThat(ByteBuffer.wrap(value(in)).getInt()).isZero();
        assertThat(ByteBuffer.wrap(value(in)).getInt()).isEqualTo(-1);
        assertThat(ByteBuffer.wrap(value(in)).getInt()).isEqualTo(9834);
    }

    @Test
    void timesCountMicrosecondsFrom2000InUtcRoundedHalfUp() {
        OffsetDateTime epoch = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        ByteBuffer in = row(4, r -> r.time(epoch)
                .time(OffsetDateTime.of(2000, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1)))
                .time(epoch.plusNanos(1_500))
                .time(epoch.minusSeconds(1).plusNanos(499)));
        assertThat(ByteBuffer.wrap(value(in)).getLong()).isZero();
        assertThat(ByteBuffer.wrap(value(in)).getLong()).as("the same instant at +01:00").isZero();
        assertThat(ByteBuffer.wrap(value(in)).getLong()).isEqualTo(2);
        assertThat(ByteBuffer.wrap(value(in)).getLong()).isEqualTo(-1_000_000L);
    }

    @Test
    void theBufferGrowsPastItsEstimate() {
        CopyBinary rows = new CopyBinary(1, 1);
        byte[] big = new byte[10_000];
        big[9_999] = 42;
        for (int i = 0; i < 3; i++) {
            rows.begin();
            rows.bytes(big);
        }
        ByteBuffer in = rows.finish();
        in.position(19);
        for (int i = 0; i < 3; i++) {
            assertThat(in.getShort()).isEqualTo((short) 1);
            assertThat(value(in)).isEqualTo(big);
        }
        assertThat(in.getShort()).isEqualTo((short) -1);
    }

    private interface Values {
        void write(CopyBinary row);
    }

    /** One row of {@code columns} values; returns the stream positioned at its first value. */
    private static ByteBuffer row(int columns, Values values) {
        CopyBinary rows = new CopyBinary(columns, 1);
        rows.begin();
        values.write(rows);
        ByteBuffer in = rows.finish();
        in.position(19);
        assertThat(in.getShort()).isEqualTo((short) columns);
        return in;
    }

    private static byte[] value(ByteBuffer in) {
        byte[] value = new byte[in.getInt()];
        in.get(value);
        return value;
    }
}
