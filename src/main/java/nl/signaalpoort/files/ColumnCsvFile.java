package nl.signaalpoort.files;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small CSV file of named columns in the gateway's one dialect ({@link Csv}): a header naming
 * some of the format's columns (the required ones among them, each once, in any order), then one
 * record per line. Read and checked whole before any row is used, so a file that is not one is
 * refused as a whole; what a row's values mean is the caller's to judge. For the files that carry
 * a few thousand rows at most (outcome files, withdrawal files); signal batches stream.
 */
public final class ColumnCsvFile {

    /** Why the whole file is refused: the same names as the callers' own problem codes. */
    public enum Problem {
        EMPTY_FILE,
        UNREADABLE_ENCODING,
        MISSING_HEADER,
        UNKNOWN_COLUMN,
        WRONG_COLUMN_COUNT,
        MALFORMED_CSV,
        TOO_MANY_ROWS
    }

    /** One record: its line and its cells by column (a column the file lacks, or an empty cell, is absent). */
    public record Row(long line, Map<String, String> cells) {

        public String cell(String column) {
            return cells.get(column);
        }
    }

    /** The rows, or the problem and its line. */
    public record Content(List<Row> rows, Problem problem, long line) {

        static Content refused(Problem problem, long line) {
            return new Content(List.of(), problem, line);
        }
    }

    private ColumnCsvFile() {
    }

    public static Content read(Path file, Set<String> columns, Set<String> required, int maxRows) throws IOException {
        if (Files.size(file) == 0) {
            return Content.refused(Problem.EMPTY_FILE, 0);
        }
        long line = 0;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                MappingIterator<String[]> cells = Csv.rows(reader)) {
            if (!cells.hasNextValue()) {
                return Content.refused(Problem.MISSING_HEADER, 1);
            }
            String[] header = header(cells.nextValue(), columns);
            line = 1;
            if (header == null) {
                return Content.refused(Problem.UNKNOWN_COLUMN, 1);
            }
            if (!List.of(header).containsAll(required)) {
                return Content.refused(Problem.MISSING_HEADER, 1);
            }
            List<Row> rows = new ArrayList<>();
            while (cells.hasNextValue()) {
                String[] values = cells.nextValue();
                line++;
                if (values.length == 1 && values[0].isEmpty()) {
                    continue;
                }
                if (values.length != header.length) {
                    return Content.refused(Problem.WRONG_COLUMN_COUNT, line);
                }
                if (rows.size() == maxRows) {
                    return Content.refused(Problem.TOO_MANY_ROWS, line);
                }
                rows.add(new Row(line, row(header, values)));
            }
            return new Content(rows, null, 0);
        } catch (CharacterCodingException e) {
            return Content.refused(Problem.UNREADABLE_ENCODING, line);
        } catch (IOException | RuntimeJsonMappingException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return Content.refused(Problem.UNREADABLE_ENCODING, line);
            }
            return Content.refused(Problem.MALFORMED_CSV, line + 1);
        }
    }

    /** The column names in order (a byte-order mark tolerated); null when a name is not one of the format's, or comes twice. */
    private static String[] header(String[] raw, Set<String> columns) {
        String[] names = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String name = (i == 0 && raw[i].startsWith("\uFEFF") ? raw[i].substring(1) : raw[i]).trim();
            if (!columns.contains(name) || java.util.Arrays.asList(names).subList(0, i).contains(name)) {
                return null;
            }
            names[i] = name;
        }
        return names;
    }

    /** Cells trimmed; empty ones left out. */
    private static Map<String, String> row(String[] header, String[] values) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String value = values[i].strip();
            if (!value.isEmpty()) {
                cells.put(header[i], value);
            }
        }
        return cells;
    }
}
