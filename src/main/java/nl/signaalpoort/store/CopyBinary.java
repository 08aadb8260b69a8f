package nl.signaalpoort.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Rows in COPY's binary format, for {@link BulkInsert}: per row the number of values, per value its
 * length in bytes (-1 for NULL) and the value as the column type's binary form, big-endian. Nothing
 * is escaped, bytea goes as it is (the text format doubled it as hex), and the server parses no text
 * into uuids, dates and timestamps. The caller names a column's SQL type by the call it makes
 * ({@link BulkInsert.Row#integer} for INTEGER, {@link BulkInsert.Row#number} for BIGINT): the binary
 * form is the type's own, and a mismatch is refused by the server, never stored.
 */
final class CopyBinary implements BulkInsert.Row {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** PostgreSQL counts dates and timestamps from 2000-01-01, Java from 1970-01-01. */
    private static final long EPOCH_2000_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_2000_MICROS = EPOCH_2000_DAYS * 86_400L * 1_000_000L;

    private final short columns;
    private ByteBuffer buffer;

    CopyBinary(int columns, int expectedRows) {
        this.columns = (short) columns;
        this.buffer = ByteBuffer.allocate(19 + expectedRows * (2 + columns * 24));
        buffer.put(SIGNATURE).putInt(0).putInt(0);    // no OIDs, no header extension
    }

    /** Starts the next row. */
    void begin() {
        room(2).putShort(columns);
    }

    /** The whole COPY stream, trailer included, from position 0 to its limit; call once, after the last row. */
    ByteBuffer finish() {
        return room(2).putShort((short) -1).flip();
    }

    @Override
    public CopyBinary text(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public CopyBinary uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        room(20).putInt(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
        return this;
    }

    @Override
    public CopyBinary bool(boolean value) {
        room(5).putInt(1).put((byte) (value ? 1 : 0));
        return this;
    }

    @Override
    public CopyBinary integer(int value) {
        room(8).putInt(4).putInt(value);
        return this;
    }

    @Override
    public CopyBinary number(long value) {
        room(12).putInt(8).putLong(value);
        return this;
    }

    @Override
    public CopyBinary date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        room(8).putInt(4).putInt(Math.toIntExact(value.toEpochDay() - EPOCH_2000_DAYS));
        return this;
    }

    @Override
    public CopyBinary time(OffsetDateTime value) {
        if (value == null) {
            return nul();
        }
        // To the nearest microsecond, the precision PostgreSQL keeps (its text input rounds too).
        Instant instant = value.toInstant();
        long micros = Math.multiplyExact(instant.getEpochSecond(), 1_000_000L) + (instant.getNano() + 500) / 1_000;
        room(12).putInt(8).putLong(micros - EPOCH_2000_MICROS);
        return this;
    }

    @Override
    public CopyBinary bytes(byte[] value) {
        if (value == null) {
            return nul();
        }
        room(4 + value.length).putInt(value.length).put(value);
        return this;
    }

    private CopyBinary nul() {
        room(4).putInt(-1);
        return this;
    }

    /** The buffer, grown if it has fewer than {@code bytes} left. */
    private ByteBuffer room(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
            buffer = larger.put(buffer.flip());
        }
        return buffer;
    }
}
