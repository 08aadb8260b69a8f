package nl.signaalpoort.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * same {@link Row} calls ({@link CopyBinary} writes them for COPY), so the two cannot differ in what
 * they store; a unique-key violation comes back as Spring's {@code DuplicateKeyException} in both.
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
        ByteBuffer stream = rows.finish();
        CopyIn copy = connection.getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)");
        try {
            copy.writeToCopy(stream.array(), stream.arrayOffset(), stream.limit());
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
