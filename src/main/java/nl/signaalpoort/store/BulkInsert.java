package nl.signaalpoort.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts rows into one table on the caller's transaction. On PostgreSQL {@value #COPY_FROM} rows or
 * more go as one {@code COPY ... FROM STDIN} (binary format): no statement to parse, plan and bind
 * per row or per multi-row INSERT (docs/benchmarks.md, issue 16). Fewer rows (a REST request's one
 * signal), and every insert on other databases (H2), go as one JDBC batch: for a row or two COPY's
 * extra round trips cost more than the statement they save. Either way each row is written through the
 * same {@link Row} calls, so the two cannot differ in what they store; a unique-key violation
 * comes back as Spring's {@code DuplicateKeyException} in both.
 */
final class BulkInsert {

    /** Writes one item's values, in the order of the columns named. */
    @FunctionalInterface
    interface Columns<T> {
        void write(T item, Row row) throws SQLException;
    }

    /** The typed values of one row, in column order; {@code null} is SQL NULL. */
    interface Row {
        Row text(String value) throws SQLException;

        Row uuid(UUID value) throws SQLException;

        Row bool(boolean value) throws SQLException;

        /** An INTEGER column's value. */
        Row integer(int value) throws SQLException;

        /** A BIGINT column's value. */
        Row number(long value) throws SQLException;

        Row date(LocalDate value) throws SQLException;

        Row time(OffsetDateTime value) throws SQLException;

        Row bytes(byte[] value) throws SQLException;
    }

    /** From this many rows on, PostgreSQL gets a COPY. */
    static final int COPY_FROM = 32;

    private BulkInsert() {
    }

    static <T> void insert(JdbcTemplate jdbc, String table, List<String> columns, List<T> items, Columns<T> values) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (items.size() >= COPY_FROM && connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), table, columns, items, values);
            } else {
                batch(connection, table, columns, items, values);
            }
            return null;
        });
    }

    private static <T> void copy(PGConnection connection, String table, List<String> columns, List<T> items, Columns<T> values)
            throws SQLException {
        CopyBinary rows = new CopyBinary(columns.size(), items.size());
        for (T item : items) {
            rows.begin();
            values.write(item, rows);
        }
        byte[] stream = rows.finish();
        CopyIn copy = connection.getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)");
        try {
            copy.writeToCopy(stream, 0, stream.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static <T> void batch(Connection connection, String table, List<String> columns, List<T> items, Columns<T> values)
            throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Parameters parameters = new Parameters(statement);
            for (T item : items) {
                parameters.index = 0;
                values.write(item, parameters);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Rows in COPY's binary format: per row the number of values, per value its length in bytes
     * (-1 for NULL) and the value as the column type's binary form, big-endian. Nothing is escaped,
     * bytea goes as it is (the text format doubled it as hex), and the server parses no text into
     * uuids, dates and timestamps. The caller names a column's SQL type by the call it makes
     * ({@link Row#integer} for INTEGER, {@link Row#number} for BIGINT): the binary form is the
     * type's own, and a mismatch is refused by the server, never stored. Package-private for its test.
     */
    static final class CopyBinary implements Row {

        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
        /** PostgreSQL counts dates and timestamps from 2000-01-01, Java from 1970-01-01. */
        private static final long EPOCH_2000_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();
        private static final long EPOCH_2000_MICROS = EPOCH_2000_DAYS * 86_400L * 1_000_000L;

        private final short columns;
        private byte[] buffer;
        private int size;

        CopyBinary(int columns, int expectedRows) {
            this.columns = (short) columns;
            this.buffer = new byte[19 + expectedRows * (2 + columns * 24)];
            put(SIGNATURE);
            putInt(0);    // flags: no OIDs
            putInt(0);    // no header extension
        }

        /** Starts the next row. */
        void begin() {
            putShort(columns);
        }

        /** The whole COPY stream, trailer included; call once, after the last row. */
        byte[] finish() {
            putShort(-1);
            return Arrays.copyOf(buffer, size);
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
            putInt(16);
            putLong(value.getMostSignificantBits());
            putLong(value.getLeastSignificantBits());
            return this;
        }

        @Override
        public CopyBinary bool(boolean value) {
            putInt(1);
            ensure(1);
            buffer[size++] = (byte) (value ? 1 : 0);
            return this;
        }

        @Override
        public CopyBinary integer(int value) {
            putInt(4);
            putInt(value);
            return this;
        }

        @Override
        public CopyBinary number(long value) {
            putInt(8);
            putLong(value);
            return this;
        }

        @Override
        public CopyBinary date(LocalDate value) {
            if (value == null) {
                return nul();
            }
            putInt(4);
            putInt(Math.toIntExact(value.toEpochDay() - EPOCH_2000_DAYS));
            return this;
        }

        @Override
        public CopyBinary time(OffsetDateTime value) {
            if (value == null) {
                return nul();
            }
            // To the microsecond PostgreSQL keeps, rounded half up as its text input rounds.
            Instant instant = value.toInstant();
            long micros = Math.multiplyExact(instant.getEpochSecond(), 1_000_000L) + (instant.getNano() + 500) / 1_000;
            putInt(8);
            putLong(micros - EPOCH_2000_MICROS);
            return this;
        }

        @Override
        public CopyBinary bytes(byte[] value) {
            if (value == null) {
                return nul();
            }
            putInt(value.length);
            put(value);
            return this;
        }

        private CopyBinary nul() {
            putInt(-1);
            return this;
        }

        private void put(byte[] value) {
            ensure(value.length);
            System.arraycopy(value, 0, buffer, size, value.length);
            size += value.length;
        }

        private void putShort(int value) {
            ensure(2);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        private void putInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        private void putLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }

    /** One row as the parameters of the batch's prepared INSERT. */
    private static final class Parameters implements Row {

        private final PreparedStatement statement;
        private int index;

        Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        @Override
        public Row text(String value) throws SQLException {
            statement.setString(++index, value);
            return this;
        }

        @Override
        public Row uuid(UUID value) throws SQLException {
            statement.setObject(++index, value);
            return this;
        }

        @Override
        public Row bool(boolean value) throws SQLException {
            statement.setBoolean(++index, value);
            return this;
        }

        @Override
        public Row integer(int value) throws SQLException {
            statement.setInt(++index, value);
            return this;
        }

        @Override
        public Row number(long value) throws SQLException {
            statement.setLong(++index, value);
            return this;
        }

        @Override
        public Row date(LocalDate value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.DATE);
            } else {
                statement.setObject(++index, value);
            }
            return this;
        }

        @Override
        public Row time(OffsetDateTime value) throws SQLException {
            statement.setObject(++index, value);
            return this;
        }

        @Override
        public Row bytes(byte[] value) throws SQLException {
            statement.setBytes(++index, value);
            return this;
        }
    }
}
