package nl.signaalpoort.feedback.sftp;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.BulkOutcomes;
import nl.signaalpoort.files.Csv;

/**
 * Reads an outcome file (contracts/municipal/outcome-file.md) in the gateway's one CSV dialect: a
 * header naming {@code signalId} and {@code outcome} (and optionally {@code finalOutcome} and
 * {@code date}), then a report per line. The whole file is read and checked before anything is
 * reported, so a file that is not one is refused whole; a row that cannot be read is refused on its own.
 */
final class OutcomeCsvFile {

    static final Set<String> COLUMNS = Set.of("signalId", "outcome", "finalOutcome", "date");

    /** One row: its line number and the report as read. */
    record Row(long line, BulkOutcomes.Item item) {
    }

    /** The rows, or why the file is refused and on which line. */
    record Read(List<Row> rows, OutcomeFileProblem problem, long line) {

        static Read refused(OutcomeFileProblem problem, long line) {
            return new Read(List.of(), problem, line);
        }
    }

    private OutcomeCsvFile() {
    }

    static Read read(Path file, int maxRows) throws IOException {
        if (Files.size(file) == 0) {
            return Read.refused(OutcomeFileProblem.EMPTY_FILE, 0);
        }
        long line = 0;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                MappingIterator<String[]> cells = Csv.rows(reader)) {
            if (!cells.hasNextValue()) {
                return Read.refused(OutcomeFileProblem.MISSING_HEADER, 1);
            }
            Map<String, Integer> columns = header(cells.nextValue());
            line = 1;
            if (columns == null) {
                return Read.refused(OutcomeFileProblem.UNKNOWN_COLUMN, 1);
            }
            if (!columns.containsKey("signalId") || !columns.containsKey("outcome")) {
                return Read.refused(OutcomeFileProblem.MISSING_HEADER, 1);
            }
            List<Row> rows = new ArrayList<>();
            while (cells.hasNextValue()) {
                String[] values = cells.nextValue();
                line++;
                if (values.length == 1 && values[0].isEmpty()) {
                    continue;
                }
                if (values.length != columns.size()) {
                    return Read.refused(OutcomeFileProblem.WRONG_COLUMN_COUNT, line);
                }
                if (rows.size() == maxRows) {
                    return Read.refused(OutcomeFileProblem.TOO_MANY_ROWS, line);
                }
                rows.add(new Row(line, item(columns, values)));
            }
            return new Read(rows, null, 0);
        } catch (CharacterCodingException e) {
            return Read.refused(OutcomeFileProblem.UNREADABLE_ENCODING, line);
        } catch (IOException | RuntimeJsonMappingException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return Read.refused(OutcomeFileProblem.UNREADABLE_ENCODING, line);
            }
            return Read.refused(OutcomeFileProblem.MALFORMED_CSV, line + 1);
        }
    }

    /** Column name to position; null when a name is not one of the format's, or comes twice. */
    private static Map<String, Integer> header(String[] raw) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < raw.length; i++) {
            String name = (i == 0 && raw[i].startsWith("\uFEFF") ? raw[i].substring(1) : raw[i]).trim();
            if (!COLUMNS.contains(name) || columns.put(name, i) != null) {
                return null;
            }
        }
        return columns;
    }

    private static BulkOutcomes.Item item(Map<String, Integer> columns, String[] values) {
        String signalId = cell(columns, values, "signalId");
        String finalOutcome = cell(columns, values, "finalOutcome");
        String date = cell(columns, values, "date");
        if (signalId == null) {
            return BulkOutcomes.Item.unreadable(ProblemCode.MISSING_SIGNAL_ID);
        }
        if (finalOutcome != null && !finalOutcome.equals("true") && !finalOutcome.equals("false")) {
            return BulkOutcomes.Item.unreadable(ProblemCode.INVALID_PARAMETER);
        }
        try {
            return BulkOutcomes.Item.of(UUID.fromString(signalId), cell(columns, values, "outcome"),
                    finalOutcome == null ? null : Boolean.valueOf(finalOutcome), date == null ? null : LocalDate.parse(date));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return BulkOutcomes.Item.unreadable(ProblemCode.INVALID_PARAMETER);
        }
    }

    /** A cell's value, trimmed; an empty cell or a column the file does not have is null. */
    private static String cell(Map<String, Integer> columns, String[] values, String column) {
        Integer at = columns.get(column);
        String value = at == null ? null : values[at].strip();
        return value == null || value.isEmpty() ? null : value;
    }
}
