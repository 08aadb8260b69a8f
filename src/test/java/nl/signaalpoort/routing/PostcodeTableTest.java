package nl.signaalpoort.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

class PostcodeTableTest {

    private static PostcodeTable table(String body) {
        return PostcodeTable.load(new ByteArrayResource((PostcodeTable.HEADER + "\n" + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mostSpecificRowWins() {
        PostcodeTable t = table("""
                # comment
                1234;;;GM0001
                1234AB;;;GM0002
                1234AC;1;9;GM0003
                1234AC;10;20;GM0004
                """);

        assertThat(t.municipalityCode("1234ZZ", 1)).contains("GM0001");
        assertThat(t.municipalityCode("1234AB", 1)).contains("GM0002");
        assertThat(t.municipalityCode("1234AC", 9)).contains("GM0003");
        assertThat(t.municipalityCode("1234AC", 10)).contains("GM0004");
        assertThat(t.municipalityCode("1234AC", 21)).contains("GM0001");
        assertThat(t.municipalityCode("9999AA", 1)).isEmpty();
        assertThat(t.size()).isEqualTo(4);
    }

    @Test
    void toleratesAByteOrderMark() {
        PostcodeTable t = PostcodeTable.load(new ByteArrayResource(("\uFEFF" + PostcodeTable.HEADER + "\n1234;;;GM0001\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(t.municipalityCode("1234AA", 1)).contains("GM0001");
    }

    @Test
    void namesTheLineOfAMistake() {
        assertThatThrownBy(() -> table("1234;;;GM0001\n12345;;;GM0001\n"))
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> table("1234;;;GM0001\n1234;;;GM0002\n"))
                .hasMessageContaining("line 3").hasMessageContaining("twice");
        assertThatThrownBy(() -> table("1234;5;1;GM0001\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> table("1234;;GM0001\n"))
                .hasMessageContaining("4 columns");
        assertThatThrownBy(() -> PostcodeTable.load(new ByteArrayResource("pc;gm\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("first line");
        // Comment and blank lines count, so the number is the line an editor shows.
        assertThatThrownBy(() -> table("# a comment\n\n1234;;;GM0001\n1234;;;GM0009\n"))
                .hasMessageContaining("line 5").hasMessageContaining("twice");
    }

    @Test
    void readsQuotedCellsLikeEveryOtherCsvFileOfTheGateway() {
        PostcodeTable t = table("\"1234\";;;\"GM0001\"\n");
        assertThat(t.municipalityCode("1234AA", 1)).contains("GM0001");
    }

    @Test
    void theShippedSampleTableLoadsAndRoutesTheDemoAddresses() {
        PostcodeTable t = PostcodeTable.load(new FileSystemResource("routes/postcode-municipality.csv"));
        assertThat(t.municipalityCode("1012LG", 1)).contains("GM0363");
        assertThat(t.municipalityCode("3511AB", 1)).contains("GM0344");
        assertThat(t.municipalityCode("3454XA", 99)).contains("GM0344");
        assertThat(t.municipalityCode("3454XA", 100)).contains("GM0363");
    }
}
