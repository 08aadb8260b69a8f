package nl.signaalpoort.files;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * The gateway's one CSV dialect, for every CSV file it reads or writes (batch files, receipts,
 * feedback files, the postcode table): {@code ;} between cells, RFC 4180 quoting (a cell holding
 * {@code ;}, {@code "} or a line end is quoted, {@code "} doubled), UTF-8, LF line ends. Read
 * and written with Jackson CSV as arrays of cells, so there is no hand-written quoting anywhere.
 *
 * <p>Every written cell is guarded against formula injection: these files are opened in
 * spreadsheets, where a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return would be run as a formula. Such a cell is written with a leading {@code '}, so
 * a reference like {@code =HYPERLINK(...)} comes back as harmless text.
 */
public final class Csv {

    public static final char SEPARATOR = ';';

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            // Quote only what RFC 4180 needs quoted.
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema()
            .withColumnSeparator(SEPARATOR).withQuoteChar('"').withLineSeparator("\n");

    private Csv() {
    }

    /** The rows of a CSV text, each an array of its cells; the first row is the header, if the file has one. */
    public static MappingIterator<String[]> rows(Reader reader) throws IOException {
        return MAPPER.readerFor(String[].class).with(SCHEMA).readValues(reader);
    }

    /** As {@link #rows}, but lines starting with {@code #} are comments (operator-maintained tables). */
    public static MappingIterator<String[]> rowsWithComments(Reader reader) throws IOException {
        return MAPPER.readerFor(String[].class).with(SCHEMA.withComments()).readValues(reader);
    }

    /** A writer of rows to {@code out} (UTF-8); closing it closes {@code out}. */
    public static RowWriter writer(OutputStream out) throws IOException {
        return new RowWriter(MAPPER.writerFor(String[].class).with(SCHEMA)
                .writeValues(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    /** A cell as written: null is empty, a would-be formula gets a leading {@code '}. */
    static String guarded(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }

    /** Writes whole rows; every cell guarded. */
    public static final class RowWriter implements Closeable {

        private final SequenceWriter out;

        private RowWriter(SequenceWriter out) {
            this.out = out;
        }

        public void row(String... cells) throws IOException {
            String[] written = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                written[i] = guarded(cells[i]);
            }
            out.write(written);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
