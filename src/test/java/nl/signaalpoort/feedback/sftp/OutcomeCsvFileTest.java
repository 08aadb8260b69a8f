package nl.signaalpoort.feedback.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import nl.signaalpoort.api.ProblemCode;
import org.junit.jupiter.api.Test;

class OutcomeCsvFileTest {

    private static final String ID = UUID.randomUUID().toString();

    private static OutcomeFileContent read(String text, int maxRows) throws Exception {
        Path file = Files.createTempFile("outcomes", ".csv");
        Files.writeString(file, text);
        return OutcomeCsvFile.read(file, maxRows);
    }

    @Test
    void readsColumnsInAnyOrderWithDefaultsForTheOptionalOnes() throws Exception {
        OutcomeFileContent read = read("\uFEFFdate;outcome;signalId\r\n2026-11-27;NO_HELP_WANTED;" + ID + "\r\n\r\n;FOLLOW_UP_FINANCIAL; " + ID
                + " \r\n", 10);

        assertThat(read.problem()).isNull();
        assertThat(read.rows()).hasSize(2);
        assertThat(read.rows().get(0).line()).isEqualTo(2);
        assertThat(read.rows().get(0).item().date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(read.rows().get(0).item().finalOutcome()).isNull();
        assertThat(read.rows().get(1).line()).isEqualTo(4);
        assertThat(read.rows().get(1).item().signalId()).isEqualTo(UUID.fromString(ID));
        assertThat(read.rows().get(1).item().date()).isNull();
    }

    @Test
    void aRowThatCannotBeReadIsRefusedOnItsOwn() throws Exception {
        OutcomeFileContent read = read("signalId;outcome;finalOutcome;date\n;NO_HELP_WANTED;;\n" + ID + ";X;maybe;\n" + ID
                + ";X;;27-11-2026\nnot-an-id;X;;\n", 10);

        assertThat(read.rows()).extracting(r -> r.item().unreadable()).containsExactly(ProblemCode.MISSING_SIGNAL_ID,
                ProblemCode.INVALID_PARAMETER, ProblemCode.INVALID_PARAMETER, ProblemCode.INVALID_PARAMETER);
    }

    @Test
    void aFileThatIsNotOneIsRefusedWholeWithTheLine() throws Exception {
        assertThat(read("", 10).problem()).isEqualTo(OutcomeFileProblem.EMPTY_FILE);
        assertThat(read("signalId\n" + ID + "\n", 10).problem()).isEqualTo(OutcomeFileProblem.MISSING_HEADER);
        assertThat(read("signalId;outcome;signalId\n", 10).problem()).isEqualTo(OutcomeFileProblem.UNKNOWN_COLUMN);
        assertThat(read("signalId;outcome;note\n", 10).problem()).isEqualTo(OutcomeFileProblem.UNKNOWN_COLUMN);
        OutcomeFileContent columns = read("signalId;outcome\n" + ID + ";X\n" + ID + ";X;extra\n", 10);
        assertThat(columns.problem()).isEqualTo(OutcomeFileProblem.WRONG_COLUMN_COUNT);
        assertThat(columns.line()).isEqualTo(3);
        assertThat(columns.rows()).isEmpty();
        assertThat(read("signalId;outcome\n" + ID + ";X\n" + ID + ";X\n", 1).problem()).isEqualTo(OutcomeFileProblem.TOO_MANY_ROWS);
        assertThat(read("signalId;outcome\n\"" + ID + ";X\n", 10).problem()).isEqualTo(OutcomeFileProblem.MALFORMED_CSV);
        Path latin1 = Files.createTempFile("outcomes", ".csv");
        Files.write(latin1, ("signalId;outcome\n" + ID + ";caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(OutcomeCsvFile.read(latin1, 10).problem()).isEqualTo(OutcomeFileProblem.UNREADABLE_ENCODING);
    }
}
