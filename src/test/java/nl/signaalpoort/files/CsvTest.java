package nl.signaalpoort.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

    private static String written(String... cells) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Csv.RowWriter csv = Csv.writer(out)) {
            csv.row(cells);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String[]> read(String text) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = Csv.rows(new StringReader(text))) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        }
        return rows;
    }

    @Test
    void quotesOnlyWhatRfc4180NeedsQuoted() throws Exception {
        assertThat(written("plain", "a;b", "say \"hi\"", "two\nlines", "")).isEqualTo("plain;\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\";\n");
    }

    @Test
    void aNullCellIsEmptyAndKeepsItsPlace() throws Exception {
        assertThat(written("a", null, "c")).isEqualTo("a;;c\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"https://evil.example\",\"klik\")", "+31612345678", "-1+1", "@SUM(A1)", "\tx", "\rx"})
    void aCellThatASpreadsheetWouldRunComesBackAsText(String cell) throws Exception {
        String[] back = read(written("R1", cell, "ok")).get(0);
        assertThat(back).hasSize(3);
        assertThat(back[1]).isEqualTo("'" + cell);
        assertThat(back[0]).isEqualTo("R1");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        String[] row = {"ENE-1", "zin met ; en \" en\nregel", "", "2026-11-23"};
        assertThat(read(written(row)).get(0)).containsExactly(row);
    }

    @Test
    void commentsAreOnlySkippedWhereAskedFor() throws Exception {
        String text = "# note\na;b\n";
        assertThat(read(text)).hasSize(2);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = Csv.rowsWithComments(new StringReader(text))) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly("a", "b");
    }
}
