package nl.signaalpoort.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts rows into one table on the caller's transaction. On PostgreSQL {@value #COPY_FROM} rows or
 * more go as one {@code COPY ... FROM STDIN} (text format): no statement to parse, plan and bind
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
        CopyLine line = new CopyLine(new StringBuilder(items.size() * 256));
        for (T item : items) {
            values.write(item, line);
            line.end();
        }
        try {
            connection.getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN",
                    new StringReader(line.text()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
     * Rows as lines of COPY's text format: tab between values, {@code \N} for NULL, backslash
     * escapes. Package-private for its test.
     */
    static final class CopyLine implements Row {

        private static final HexFormat HEX = HexFormat.of();
        private final StringBuilder text;
        private boolean first = true;
        // A chunk's rows mostly share their timestamps (the chunk's receipt time): formatted once.
        private OffsetDateTime lastTime;
        private String lastTimeText;

        CopyLine(StringBuilder text) {
            this.text = text;
        }

        String text() {
            return text.toString();
        }

        private Row raw(String value) {
            separate();
            text.append(value == null ? "\\N" : value);
            return this;
        }

        private void separate() {
            if (!first) {
                text.append('\t');
            }
            first = false;
        }

        void end() {
            text.append('\n');
            first = true;
        }

        @Override
        public Row text(String value) {
            if (value == null) {
                return raw(null);
            }
            separate();
            int special = firstSpecial(value);
            if (special < 0) {
                // The usual case: nothing to escape, so the whole value in one copy (the profile's largest
                // single cost on the batch path was appending it a character at a time).
                text.append(value);
                return this;
            }
            text.append(value, 0, special);
            for (int i = special; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
            return this;
        }

        private static int firstSpecial(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Row uuid(UUID value) {
            return raw(value == null ? null : value.toString());
        }

        @Override
        public Row bool(boolean value) {
            return raw(value ? "t" : "f");
        }

        @Override
        public Row number(long value) {
            separate();
            text.append(value);
            return this;
        }

        @Override
        public Row date(LocalDate value) {
            return raw(value == null ? null : value.toString());
        }

        @Override
        public Row time(OffsetDateTime value) {
            if (value == null) {
                return raw(null);
            }
            if (!value.equals(lastTime)) {
                // ISO 8601 with its offset: what PostgreSQL reads for timestamptz, whatever the session's zone.
                lastTime = value;
                lastTimeText = value.toString();
            }
            return raw(lastTimeText);
        }

        @Override
        public Row bytes(byte[] value) {
            if (value == null) {
                return raw(null);
            }
            // bytea's hex form, its backslash escaped for the text format.
            separate();
            text.append("\\\\x");
            HEX.formatHex(text, value);
            return this;
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
