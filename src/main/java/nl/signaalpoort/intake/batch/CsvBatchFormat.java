package nl.signaalpoort.intake.batch;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import nl.signaalpoort.files.Csv;
import nl.signaalpoort.intake.SignalBinder;
import nl.signaalpoort.intake.Submission;

/**
 * Reads the CSV batch format (contracts/batch/csv-format.md) as a stream, in the gateway's one CSV
 * dialect ({@link Csv}): UTF-8 (a BOM is tolerated, anything not UTF-8 refused), a header row of
 * canonical leaf names.
 */
public final class CsvBatchFormat implements BatchFormat {

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public ReceiptWriter receipt(OutputStream target) throws IOException {
        return new CsvReceiptWriter(target);
    }

    @Override
    public Checked inspect(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return Checked.refused(new Problem(BatchFileProblem.EMPTY_FILE, 0));
        }
        long line = 0;
        long rowCount = 0;
        try (Reader reader = strictUtf8(file); MappingIterator<String[]> rows = Csv.rows(reader)) {
            if (!rows.hasNextValue()) {
                return Checked.refused(new Problem(BatchFileProblem.MISSING_HEADER, 1));
            }
            String[] header = header(rows.nextValue());
            Problem headerProblem = checkHeader(header);
            if (headerProblem != null) {
                return Checked.refused(headerProblem);
            }
            line = 1;
            while (rows.hasNextValue()) {
                String[] values = rows.nextValue();
                line++;
                boolean blank = values.length == 1 && values[0].isEmpty();
                if (values.length != header.length && !blank) {
                    return Checked.refused(new Problem(BatchFileProblem.WRONG_COLUMN_COUNT, line));
                }
                rowCount += blank ? 0 : 1;
            }
            return new Checked(null, rowCount);
        } catch (CharacterCodingException e) {
            return Checked.refused(new Problem(BatchFileProblem.UNREADABLE_ENCODING, line));
        } catch (IOException | RuntimeJsonMappingException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return Checked.refused(new Problem(BatchFileProblem.UNREADABLE_ENCODING, line));
            }
            // An unterminated quote (a truncated file) or broken quoting.
            return Checked.refused(new Problem(BatchFileProblem.MALFORMED_CSV, line + 1));
        }
    }

    @Override
    public void read(Path file, int chunkSize, Consumer<List<Row>> chunks) throws IOException {
        try (Reader reader = strictUtf8(file); MappingIterator<String[]> rows = Csv.rows(reader)) {
            String[] header = header(rows.nextValue());
            List<Row> chunk = new ArrayList<>(chunkSize);
            long line = 1;
            while (rows.hasNextValue()) {
                String[] values = rows.nextValue();
                line++;
                if (values.length == 1 && values[0].isEmpty()) {
                    continue;
                }
                chunk.add(new Row(line, SignalBinder.bind(BatchColumns.toJson(header, values))));
                if (chunk.size() == chunkSize) {
                    chunks.accept(chunk);
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            if (!chunk.isEmpty()) {
                chunks.accept(chunk);
            }
        }
    }

    private static Problem checkHeader(String[] header) {
        if (Arrays.stream(header).noneMatch(BatchColumns::isKnown)) {
            // Not one column name: the first line is data, the header is missing.
            return new Problem(BatchFileProblem.MISSING_HEADER, 1);
        }
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!BatchColumns.isKnown(column) || !seen.add(column)) {
                return new Problem(BatchFileProblem.UNKNOWN_COLUMN, 1);
            }
        }
        return seen.contains("reference") ? null : new Problem(BatchFileProblem.MISSING_HEADER, 1);
    }

    private static String[] header(String[] raw) {
        String[] header = raw.clone();
        if (header.length > 0 && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1);
        }
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].trim();
        }
        return header;
    }

    private static Reader strictUtf8(Path file) throws IOException {
        return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
