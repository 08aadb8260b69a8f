package nl.signaalpoort.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import nl.signaalpoort.intake.Receipt;
import nl.signaalpoort.signal.Money;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.SignalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

class XmlBatchFormatTest {

    private static final Path SCHEMA = Path.of("contracts/batch/signal-batch-v1.xsd");
    private static final Path RECEIPT_SCHEMA = Path.of("contracts/batch/batch-receipt-v1.xsd");
    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<signalBatch xmlns=\"urn:signaalpoort:batch:v1\">\n";
    private static final String CLOSE = "</signalBatch>\n";

    private final XmlBatchFormat format = new XmlBatchFormat(SCHEMA);

    @TempDir
    Path dir;

    private Path file(byte[] content) throws IOException {
        Path f = Files.createTempFile(dir, "batch", ".xml");
        Files.write(f, content);
        return f;
    }

    private Path file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String signal(String reference, String signalDate) {
        return "  <signal>\n"
                + "    <reference>" + reference + "</reference>\n"
                + "    <kind>EARLY</kind>\n"
                + "    <signalDate>" + signalDate + "</signalDate>\n"
                + "    <debtor><initials>J.P.</initials><surname>Jansen</surname><birthDate>1980-04-12</birthDate></debtor>\n"
                + "    <address><houseNumber>12</houseNumber><postcode>1012LG</postcode></address>\n"
                + "    <arrears><totalAmount>245.50</totalAmount></arrears>\n"
                + "  </signal>\n";
    }

    private List<List<BatchFormat.Row>> readAll(Path f, int chunkSize) throws IOException {
        List<List<BatchFormat.Row>> chunks = new ArrayList<>();
        format.read(f, chunkSize, chunks::add);
        return chunks;
    }

    @Test
    void readsSignalsIntoTheCanonicalModelInAnyElementOrder() throws Exception {
        Path f = file(OPEN
                + signal("R1", "2026-11-20")
                + "  <!-- groups and leaves in any order, values trimmed, CDATA allowed -->\n"
                + "  <signal>\n"
                + "    <arrears><termsOverdue>2</termsOverdue><totalAmount> 10.12 </totalAmount></arrears>\n"
                + "    <address><postcode>3511AB</postcode><houseNumber>1</houseNumber></address>\n"
                + "    <crisis>true</crisis>\n"
                + "    <debtor><surname><![CDATA[Pietersen & Zn]]></surname></debtor>\n"
                + "    <reference>R2</reference>\n"
                + "  </signal>\n"
                + "  <signal><reference>R3</reference><contact><email>a@example.nl</email></contact></signal>\n"
                + CLOSE);

        assertThat(format.check(f)).isNull();
        List<BatchFormat.Row> rows = readAll(f, 10).get(0);

        assertThat(rows).extracting(BatchFormat.Row::line).containsExactly(3L, 12L, 19L);
        assertThat(rows).extracting(r -> r.submission().reference()).containsExactly("R1", "R2", "R3");
        var first = rows.get(0).submission().signal();
        assertThat(first.kind()).isEqualTo(SignalKind.EARLY);
        assertThat(first.signalDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(first.debtor().surname()).isEqualTo("Jansen");
        assertThat(first.address().postcode()).isEqualTo("1012LG");
        assertThat(first.arrears().totalAmount()).isEqualTo(Money.ofEuros("245.50"));
        var second = rows.get(1).submission().signal();
        assertThat(second.crisis()).isTrue();
        assertThat(second.debtor().surname()).isEqualTo("Pietersen & Zn");
        assertThat(second.address().houseNumber()).isEqualTo(1);
        assertThat(second.arrears().totalAmount()).isEqualTo(Money.ofEuros("10.12"));
        assertThat(second.arrears().termsOverdue()).isEqualTo(2);
        assertThat(rows.get(2).submission().signal().contact().email()).isEqualTo("a@example.nl");
    }

    @Test
    void aByteOrderMarkAndNoDeclarationAreFine() throws Exception {
        Path f = file("\uFEFF<signalBatch xmlns=\"urn:signaalpoort:batch:v1\"><signal><reference>R1</reference></signal></signalBatch>");

        assertThat(format.check(f)).isNull();
        assertThat(readAll(f, 10).get(0)).extracting(r -> r.submission().reference()).containsExactly("R1");
    }

    @Test
    void handsOverChunksOfAtMostTheChunkSize() throws Exception {
        StringBuilder xml = new StringBuilder(OPEN);
        for (int i = 0; i < 2500; i++) {
            xml.append(signal("R" + i, "2026-11-20"));
        }
        Path f = file(xml.append(CLOSE).toString());

        assertThat(format.check(f)).isNull();
        List<List<BatchFormat.Row>> chunks = readAll(f, 1000);

        assertThat(chunks).extracting(List::size).containsExactly(1000, 1000, 500);
        assertThat(chunks.get(2).get(499).submission().reference()).isEqualTo("R2499");
        assertThat(chunks.get(2).get(499).line()).isEqualTo(3 + 2499L * 8);
    }

    @Test
    void aBadValueRejectsOnlyItsSignalNotTheFile() throws Exception {
        Path f = file(OPEN + signal("R1", "2026-13-45") + signal("R2", "2026-11-20")
                + "  <signal><reference>R3</reference><arrears><totalAmount>12,50</totalAmount></arrears></signal>\n" + CLOSE);

        assertThat(format.check(f)).isNull();
        List<BatchFormat.Row> rows = readAll(f, 10).get(0);

        assertThat(rows.get(0).submission().signal()).isNull();
        assertThat(rows.get(0).submission().reference()).isEqualTo("R1");
        assertThat(rows.get(0).submission().bindingProblems()).containsExactly(Rejection.of(ReasonCode.INVALID_DATE, "signalDate"));
        assertThat(rows.get(1).submission().bindingProblems()).isEmpty();
        assertThat(rows.get(2).submission().bindingProblems()).extracting(Rejection::code).containsExactly(ReasonCode.INVALID_AMOUNT);
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertThat(format.check(file(""))).isEqualTo(new BatchFormat.Problem(BatchFileProblem.EMPTY_FILE, 0));
    }

    @Test
    void aFileThatIsNotWellFormedIsRefusedWithItsLine() throws Exception {
        // Truncated in the middle of a signal.
        String truncated = OPEN + signal("R1", "2026-11-20") + "  <signal>\n    <reference>R2</refer";
        assertThat(format.check(file(truncated)).code()).isEqualTo(BatchFileProblem.MALFORMED_XML);
        // An end tag that does not match, on line 4.
        assertThat(format.check(file(OPEN + "  <signal>\n    <reference>R1</kind>\n  </signal>\n" + CLOSE)))
                .isEqualTo(new BatchFormat.Problem(BatchFileProblem.MALFORMED_XML, 4));
        assertThat(format.check(file("not xml at all")).code()).isEqualTo(BatchFileProblem.MALFORMED_XML);
    }

    @Test
    void aFileThatBreaksTheSchemaIsRefusedWithItsLine() throws Exception {
        String unknown = OPEN + signal("R1", "2026-11-20") + "  <signal>\n    <reference>R2</reference>\n    <bsn>123456782</bsn>\n  </signal>\n" + CLOSE;
        assertThat(format.check(file(unknown))).isEqualTo(new BatchFormat.Problem(BatchFileProblem.SCHEMA_VIOLATION, 13));

        String wrongNesting = OPEN + "  <signal>\n    <reference>R1</reference>\n    <postcode>1012LG</postcode>\n  </signal>\n" + CLOSE;
        assertThat(format.check(file(wrongNesting))).isEqualTo(new BatchFormat.Problem(BatchFileProblem.SCHEMA_VIOLATION, 5));

        String doubled = OPEN + "  <signal>\n    <reference>R1</reference>\n    <reference>R2</reference>\n  </signal>\n" + CLOSE;
        assertThat(format.check(file(doubled))).isEqualTo(new BatchFormat.Problem(BatchFileProblem.SCHEMA_VIOLATION, 5));

        String noReference = OPEN + "  <signal>\n    <kind>EARLY</kind>\n  </signal>\n" + CLOSE;
        assertThat(format.check(file(noReference)).code()).isEqualTo(BatchFileProblem.SCHEMA_VIOLATION);

        String otherNamespace = "<signalBatch xmlns=\"urn:example\"><signal><reference>R1</reference></signal></signalBatch>";
        assertThat(format.check(file(otherNamespace))).isEqualTo(new BatchFormat.Problem(BatchFileProblem.SCHEMA_VIOLATION, 1));

        String textInAGroup = OPEN + "  <signal><reference>R1</reference><debtor>Jansen</debtor></signal>\n" + CLOSE;
        assertThat(format.check(file(textInAGroup)).code()).isEqualTo(BatchFileProblem.SCHEMA_VIOLATION);

        String tooLong = OPEN + "  <signal><reference>R1</reference><city>" + "a".repeat(1001) + "</city></signal>\n" + CLOSE;
        assertThat(format.check(file(tooLong)).code()).isEqualTo(BatchFileProblem.SCHEMA_VIOLATION);
    }

    @Test
    void anExternalEntityIsRefusedAndNothingOfItLeaks() throws Exception {
        Path f = file("<?xml version=\"1.0\"?>\n<!DOCTYPE signalBatch [\n  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                + "<signalBatch xmlns=\"urn:signaalpoort:batch:v1\">\n  <signal><reference>&xxe;</reference></signal>\n</signalBatch>\n");

        BatchFormat.Problem problem = format.check(f);

        assertThat(problem.code()).isEqualTo(BatchFileProblem.MALFORMED_XML);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.toString()).doesNotContain("root");
        // Even if read were called on a refused file, the entity is never resolved.
        List<String> seen = new ArrayList<>();
        try {
            format.read(f, 10, chunk -> chunk.forEach(r -> seen.add(String.valueOf(r.submission()))));
        } catch (IOException e) {
            seen.add(e.getMessage());
        }
        assertThat(String.join("\n", seen)).doesNotContain("root:");
    }

    @Test
    void anyDoctypeIsRefusedEvenAHarmlessOne() throws Exception {
        Path f = file("<?xml version=\"1.0\"?>\n<!DOCTYPE signalBatch>\n"
                + "<signalBatch xmlns=\"urn:signaalpoort:batch:v1\"><signal><reference>R1</reference></signal></signalBatch>\n");

        assertThat(format.check(f)).isEqualTo(new BatchFormat.Problem(BatchFileProblem.MALFORMED_XML, 2));
    }

    @Test
    void billionLaughsIsRefusedQuickly() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE signalBatch [\n  <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            xml.append("  <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<signalBatch xmlns=\"urn:signaalpoort:batch:v1\"><signal><reference>&lol9;</reference></signal></signalBatch>\n");
        Path f = file(xml.toString());

        BatchFormat.Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> format.check(f));

        assertThat(problem.code()).isEqualTo(BatchFileProblem.MALFORMED_XML);
    }

    @Test
    void anythingButUtf8IsRefused() throws Exception {
        String latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<signalBatch xmlns=\"urn:signaalpoort:batch:v1\">\n"
                + "  <signal><reference>R1</reference><surname>Müller</surname></signal>\n" + CLOSE;
        assertThat(format.check(file(latin.getBytes(StandardCharsets.ISO_8859_1))).code())
                .isEqualTo(BatchFileProblem.UNREADABLE_ENCODING);
        // Declared as something else, even if every byte happens to be ASCII.
        String declared = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<signalBatch xmlns=\"urn:signaalpoort:batch:v1\"/>\n";
        assertThat(format.check(file(declared.getBytes(StandardCharsets.ISO_8859_1))).code())
                .isEqualTo(BatchFileProblem.UNREADABLE_ENCODING);
        // Latin-1 bytes without a declaration: invalid UTF-8, found on line 4.
        String undeclared = OPEN + "  <signal>\n    <reference>R1</reference><debtor><surname>Müller</surname></debtor>\n  </signal>\n" + CLOSE;
        assertThat(format.check(file(undeclared.getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(new BatchFormat.Problem(BatchFileProblem.UNREADABLE_ENCODING, 4));
        // UTF-16 is well-formed XML, but not this format.
        assertThat(format.check(file((OPEN.replace("UTF-8", "UTF-16") + CLOSE).getBytes(StandardCharsets.UTF_16))).code())
                .isEqualTo(BatchFileProblem.UNREADABLE_ENCODING);
        assertThat(format.check(file("<?xml version=\"1.0\" encoding=\"NO-SUCH-CHARSET\"?>\n<a/>\n")).code())
                .isEqualTo(BatchFileProblem.UNREADABLE_ENCODING);
    }

    @Test
    void theReceiptFollowsItsSchema() throws Exception {
        Path receipt = dir.resolve("batch.xml.receipt.xml");
        UUID id = UUID.randomUUID();
        try (ReceiptWriter out = format.receipt(Files.newOutputStream(receipt))) {
            out.row(3, Receipt.accepted("R1", id, false), List.of());
            out.row(11, Receipt.accepted("R0", id, true), List.of());
            out.row(19, Receipt.rejected("R2", List.of(Rejection.of(ReasonCode.INVALID_POSTCODE, "address.postcode"),
                    Rejection.of(ReasonCode.BELOW_MINIMUM_AMOUNT))), List.of("De postcode <klopt> niet & zo.", "Te laag."));
            out.row(27, Receipt.rejected(null, List.of(Rejection.of(ReasonCode.MISSING_FIELD, "reference"))), List.of("Geen referentie."));
            out.row(35, Receipt.accepted("R3", id, false, List.of(Rejection.of(ReasonCode.PLACEHOLDER_BIRTH_DATE, "debtor.birthDate"))),
                    List.of());
            out.totals(3, 2);
        }
        validateReceipt(receipt);
        String xml = Files.readString(receipt, StandardCharsets.UTF_8);
        assertThat(xml).contains("<row line=\"3\" reference=\"R1\" status=\"ACCEPTED\" signalId=\"" + id + "\" duplicate=\"false\"/>")
                .contains("<reason code=\"INVALID_POSTCODE\">De postcode &lt;klopt&gt; niet &amp; zo.</reason>")
                .contains("<warning code=\"PLACEHOLDER_BIRTH_DATE\"/>")
                .contains("<totals accepted=\"3\" rejected=\"2\"/>");

        Path refused = dir.resolve("refused.xml.receipt.xml");
        try (ReceiptWriter out = format.receipt(Files.newOutputStream(refused))) {
            out.fileRejected(new BatchFormat.Problem(BatchFileProblem.SCHEMA_VIOLATION, 13), "Het bestand volgt het schema niet.");
            out.totals(0, 0);
        }
        validateReceipt(refused);
        assertThat(Files.readString(refused, StandardCharsets.UTF_8))
                .contains("<fileRejected line=\"13\" code=\"SCHEMA_VIOLATION\">Het bestand volgt het schema niet.</fileRejected>");
    }

    @Test
    void anExampleReceiptThatBreaksTheSchemaIsNoticed() throws Exception {
        // Guards the test above: the receipt schema really rejects a wrong receipt.
        Path wrong = file("<batchReceipt xmlns=\"urn:signaalpoort:batch-receipt:v1\"><row line=\"1\" status=\"MAYBE\" duplicate=\"false\"/>"
                + "<totals accepted=\"0\" rejected=\"0\"/></batchReceipt>");
        assertThatThrownBy(() -> validateReceipt(wrong)).isInstanceOf(SAXException.class);
    }

    private static void validateReceipt(Path receipt) throws Exception {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.newSchema(RECEIPT_SCHEMA.toFile()).newValidator().validate(new StreamSource(receipt.toFile()));
    }
}
