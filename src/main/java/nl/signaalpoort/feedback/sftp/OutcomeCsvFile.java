package nl.signaalpoort.feedback.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import nl.signaalpoort.files.ColumnCsvFile;

/**
 * Reads an outcome file (contracts/municipal/outcome-file.md) in the gateway's one CSV dialect: a
 * header naming {@code signalId} and {@code outcome} (and optionally {@code finalOutcome} and
 * {@code date}), then a report per line. The whole file is read and checked before anything is
 * reported, so a file that is not one is refused whole; a row that cannot be read is refused on its own.
 */
final class OutcomeCsvFile {

    static final Set<String> COLUMNS = Set.of("signalId", "outcome", "finalOutcome", "date");
    private static final Set<String> REQUIRED = Set.of("signalId", "outcome");

    private OutcomeCsvFile() {
    }

    static OutcomeFileContent read(Path file, int maxRows) throws IOException {
        ColumnCsvFile.Content read = ColumnCsvFile.read(file, COLUMNS, REQUIRED, maxRows);
        if (read.problem() != null) {
            return OutcomeFileContent.refused(OutcomeFileProblem.valueOf(read.problem().name()), read.line());
        }
        return new OutcomeFileContent(read.rows().stream().map(r -> new OutcomeFileContent.Row(r.line(), OutcomeFileContent.item(
                r.cell("signalId"), r.cell("outcome"), r.cell("finalOutcome"), r.cell("date")))).toList(), null, 0);
    }
}
