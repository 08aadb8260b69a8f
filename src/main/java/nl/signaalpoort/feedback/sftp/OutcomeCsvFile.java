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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private OutcomeCsvFile() {
    }

    static OutcomeFileContent read(Path file, int maxRows) throws IOException {
        if (Files.size(file) == 0) {
            return OutcomeFileContent.refused(OutcomeFileProblem.EMPTY_FILE, 0);
        }
        long line = 0;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                MappingIterator<String[]> cells = Csv.rows(reader)) {
            if (!cells.hasNextValue()) {
                return OutcomeFileContent.refused(OutcomeFileProblem.MISSING_HEADER, 1);
            }
            Map<String, Integer> columns = header(cells.nextValue());
            line = 1;
            if (columns == null) {
                return OutcomeFileContent.refused(OutcomeFileProblem.UNKNOWN_COLUMN, 1);
            }
            if (!columns.containsKey("signalId") || !columns.containsKey("outcome")) {
                return OutcomeFileContent.refused(OutcomeFileProblem.MISSING_HEADER, 1);
            }
            List<OutcomeFileContent.Row> rows = new ArrayList<>();
            while (cells.hasNextValue()) {
                String[] values = cells.nextValue();
                line++;
                if (values.length == 1 && values[0].isEmpty()) {
                    continue;
                }
                if (values.length != columns.size()) {
                    return OutcomeFileContent.refused(OutcomeFileProblem.WRONG_COLUMN_COUNT, line);
                }
                if (rows.size() == maxRows) {
                    return OutcomeFileContent.refused(OutcomeFileProblem.TOO_MANY_ROWS, line);
                }
                rows.add(new OutcomeFileContent.Row(line, item(columns, values)));
            }
            return new OutcomeFileContent(rows, null, 0);
        } catch (CharacterCodingException e) {
            return OutcomeFileContent.refused(OutcomeFileProblem.UNREADABLE_ENCODING, line);
        } catch (IOException | RuntimeJsonMappingException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return OutcomeFileContent.refused(OutcomeFileProblem.UNREADABLE_ENCODING, line);
            }
            return OutcomeFileContent.refused(OutcomeFileProblem.MALFORMED_CSV, line + 1);
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
        return OutcomeFileContent.item(cell(columns, values, "signalId"), cell(columns, values, "outcome"),
                cell(columns, values, "finalOutcome"), cell(columns, values, "date"));
    }

    /** A cell's value, trimmed; an empty cell or a column the file does not have is null. */
    private static String cell(Map<String, Integer> columns, String[] values, String column) {
        Integer at = columns.get(column);
        String value = at == null ? null : values[at].strip();
        return value == null || value.isEmpty() ? null : value;
    }
}
