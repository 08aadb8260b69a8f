package nl.signaalpoort.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.signal.Money;
import nl.signaalpoort.signal.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBatchFormatTest {

    private static final String HEADER = "reference;kind;surname;postcode;houseNumber;totalAmount;crisis";
    private final CsvBatchFormat reader = new CsvBatchFormat();

    @TempDir
    Path dir;

    private Path file(byte[] content) throws Exception {
        Path f = Files.createTempFile(dir, "batch", ".csv");
        Files.write(f, content);
        return f;
    }

    private Path file(String content) throws Exception {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRowsIntoTheCanonicalModelWithQuotingAndABom() throws Exception {
        Path f = file("\uFEFF" + HEADER + "\r\nR1;EARLY;\"Jansen; de\";1012LG;12;245.50;true\r\nR2;EARLY;Pietersen;3511AB;1;10.12;\r\n");

        assertThat(reader.check(f)).isNull();
        List<BatchFormat.Row> rows = new ArrayList<>();
        reader.read(f, 1, rows::addAll);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).submission().signal().debtor().surname()).isEqualTo("Jansen; de");
        assertThat(rows.get(0).submission().signal().arrears().totalAmount()).isEqualTo(Money.ofEuros("245.50"));
        assertThat(rows.get(0).submission().signal().crisis()).isTrue();
        assertThat(rows.get(1).submission().signal().address().houseNumber()).isEqualTo(1);
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void aBadValueRejectsOnlyItsRowWithTheFieldName() throws Exception {
        Path f = file(HEADER + "\nR1;EARLY;Jansen;1012LG;12;12,50;\nR2;LATE;Jansen;1012LG;12;12.50;\n");

        List<BatchFormat.Row> rows = new ArrayList<>();
        reader.read(f, 10, rows::addAll);

        assertThat(rows.get(0).submission().bindingProblems()).extracting(r -> r.code()).containsExactly(ReasonCode.INVALID_AMOUNT);
        assertThat(rows.get(0).submission().reference()).isEqualTo("R1");
        assertThat(rows.get(1).submission().bindingProblems()).extracting(r -> r.field()).containsExactly("kind");
    }

    @Test
    void everyBrokenFileIsNamed() throws Exception {
        assertThat(reader.check(file(""))).isEqualTo(new BatchFormat.Problem(BatchFileProblem.EMPTY_FILE, 0));
        assertThat(reader.check(file("surname;postcode\nJansen;1012LG\n")).code()).isEqualTo(BatchFileProblem.MISSING_HEADER);
        assertThat(reader.check(file("R1;EARLY;2026-11-01\nR2;EARLY;2026-11-01\n")).code()).isEqualTo(BatchFileProblem.MISSING_HEADER);
        assertThat(reader.check(file("reference;bsn\nR1;123\n")).code()).isEqualTo(BatchFileProblem.UNKNOWN_COLUMN);
        assertThat(reader.check(file("reference;reference\nR1;R2\n")).code()).isEqualTo(BatchFileProblem.UNKNOWN_COLUMN);
        assertThat(reader.check(file(HEADER + "\nR1;EARLY;Jansen;1012LG;12;1.00;;extra\n")))
                .isEqualTo(new BatchFormat.Problem(BatchFileProblem.WRONG_COLUMN_COUNT, 2));
        assertThat(reader.check(file(HEADER + "\nR1;EARLY;Jansen;1012LG\n")).code()).isEqualTo(BatchFileProblem.WRONG_COLUMN_COUNT);
        // Truncated in the middle of a quoted value.
        assertThat(reader.check(file(HEADER + "\nR1;EARLY;\"Jans")).code()).isEqualTo(BatchFileProblem.MALFORMED_CSV);
        // Latin-1 bytes: not UTF-8.
        byte[] latin1 = (HEADER + "\nR1;EARLY;Müller;1012LG;12;1.00;\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(reader.check(file(latin1)).code()).isEqualTo(BatchFileProblem.UNREADABLE_ENCODING);
    }

    @Test
    void everyCanonicalLeafIsAColumn() {
        for (String leaf : List.of("reference", "kind", "signalDate", "crisis", "warmHandover", "endOfSupplyDate", "initials",
                "givenNames", "surnamePrefix", "surname", "birthDate", "legalForm", "street", "houseNumber", "houseNumberAddition",
                "postcode", "city", "objectType", "phone", "email", "totalAmount", "termAmount", "termsOverdue", "remindersSent",
                "oldestDueDate", "newestDueDate", "premiumAmount", "deductibleAmount", "ownContributionAmount", "penaltyAmount",
                "depositAmount", "paymentArrangementFailed", "handedToBailiff", "knownDebtArrangement", "personallyLiable")) {
            assertThat(BatchColumns.isKnown(leaf)).as(leaf).isTrue();
        }
        assertThat(BatchColumns.isKnown("debtor")).isFalse();
    }
}
