package nl.signaalpoort.feedback.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import nl.signaalpoort.api.ProblemCode;
import org.junit.jupiter.api.Test;

class OutcomeXmlFileTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final OutcomeXmlFile XML = new OutcomeXmlFile(Path.of("contracts/municipal/outcome-file-v1.xsd"));

    private static OutcomeFileContent read(String text, int maxRows) throws Exception {
        Path file = Files.createTempFile("outcomes", ".xml");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return XML.read(file, maxRows);
    }

    private static String file(String reports) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<outcomeReports xmlns=\"urn:signaalpoort:outcomes:v1\">\n" + reports
                + "</outcomeReports>\n";
    }

    @Test
    void readsEachReportWithItsLineAndEmptyValuesAsAbsent() throws Exception {
        OutcomeFileContent read = read(file("<report><signalId>" + ID + "</signalId><outcome>NO_HELP_WANTED</outcome>"
                + "<finalOutcome></finalOutcome></report>\n<report>\n<outcome>X</outcome><signalId> " + ID + " </signalId>"
                + "<date>2026-11-27</date></report>\n"), 10);
        assertThat(read.problem()).isNull();
        assertThat(read.rows()).extracting(OutcomeFileContent.Row::line).containsExactly(3L, 4L);
        assertThat(read.rows().get(0).item().finalOutcome()).isNull();
        assertThat(read.rows().get(1).item().signalId()).isEqualTo(UUID.fromString(ID));
        assertThat(read.rows().get(1).item().date()).hasToString("2026-11-27");
    }

    @Test
    void aReportThatCannotBeReadIsRefusedOnItsOwn() throws Exception {
        OutcomeFileContent read = read(file("<report><outcome>NO_HELP_WANTED</outcome></report>\n"
                + "<report><signalId>" + ID + "</signalId><finalOutcome>maybe</finalOutcome></report>\n"), 10);
        assertThat(read.problem()).isNull();
        assertThat(read.rows()).extracting(r -> r.item().unreadable()).containsExactly(ProblemCode.MISSING_SIGNAL_ID, ProblemCode.INVALID_PARAMETER);
    }

    @Test
    void aFileThatIsNotOneIsRefusedWholeWithItsLine() throws Exception {
        assertThat(read(file("<report><signalId>" + ID + "</signalId><note>x</note></report>\n"), 10).problem())
                .isEqualTo(OutcomeFileProblem.SCHEMA_VIOLATION);
        OutcomeFileContent cutOff = read(file("<report><signalId>" + ID + "</signalId>\n").replace("</outcomeReports>\n", ""), 10);
        assertThat(cutOff.problem()).isEqualTo(OutcomeFileProblem.MALFORMED_XML);
        assertThat(cutOff.rows()).isEmpty();
        assertThat(read(file("<report/>\n<report/>\n<report/>\n"), 2)).satisfies(r -> {
            assertThat(r.problem()).isEqualTo(OutcomeFileProblem.TOO_MANY_ROWS);
            assertThat(r.line()).isEqualTo(5);
        });
        assertThat(read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><outcomeReports xmlns=\"urn:signaalpoort:outcomes:v1\"/>", 2).problem())
                .isEqualTo(OutcomeFileProblem.UNREADABLE_ENCODING);
        assertThat(read("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><outcomeReports "
                + "xmlns=\"urn:signaalpoort:outcomes:v1\"><report><signalId>&e;</signalId></report></outcomeReports>", 2).problem())
                .isEqualTo(OutcomeFileProblem.MALFORMED_XML);
    }
}
