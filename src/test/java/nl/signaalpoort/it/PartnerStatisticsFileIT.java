package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.signaalpoort.statistics.PartnerStatisticsFiles;
import nl.signaalpoort.support.AbstractGatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly statistics file an SFTP partner finds in its outbox: last month's counts, the same as
 * the REST answer for that month, written once per partner and month, only for partners that
 * deliver by SFTP, nothing about a resident in it.
 */
class PartnerStatisticsFileIT extends AbstractGatewayIT {

    @Autowired
    private PartnerStatisticsFiles files;

    @Test
    void lastMonthsFileHoldsWhatTheApiSaysAndIsWrittenOnce() throws Exception {
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Europe/Amsterdam")).minusMonths(1);
        String signalId = deliveredSignal("STF");
        // Setup only: this signal was received last month (as the monitor export tests date theirs).
        jdbc.update("UPDATE signals SET received_at = ? WHERE signal_id = ?", lastMonth.atDay(15).atTime(12, 0).atOffset(ZoneOffset.UTC),
                UUID.fromString(signalId));
        jdbc.update("DELETE FROM partner_statistics_files WHERE period_start = ?", lastMonth.atDay(1));
        JsonNode api = json(as("partner-energie").get("/api/v1/partners/me/statistics?month=" + lastMonth).body());
        assertThat(api.at("/deliveries/DELIVERED").asLong()).isPositive();

        String subject = "demo-energie/statistics-" + lastMonth + ".csv";
        String audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'STATISTICS_FILE_WRITTEN' AND subject_id = ?";
        int auditedBefore = count(audited, subject);
        assertThat(files.writeDue()).as("demo-energie and demo-zorg deliver by SFTP").isEqualTo(2);
        assertThat(files.writeDue()).as("once per partner and month").isZero();

        Path file = FILES.outbox("demo-energie").resolve("statistics-" + lastMonth + ".csv");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("month;section;code;count");
        Map<String, Map<String, Long>> sections = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";");
            assertThat(cells[0]).isEqualTo(lastMonth.toString());
            sections.computeIfAbsent(cells[1], k -> new HashMap<>()).put(cells[2], Long.parseLong(cells[3]));
        }
        for (String section : List.of("received", "rejectionReasons", "warnings", "deliveries", "feedback")) {
            Map<String, Long> expected = new HashMap<>();
            api.get(section).fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
            assertThat(sections.getOrDefault(section, Map.of())).as(section).isEqualTo(expected);
        }
        String text = String.join("\n", lines).toLowerCase(Locale.ROOT);
        for (String personal : List.of("berg", "damrak", "1012lg", "example.nl", "612345678", "1980-04-12")) {
            assertThat(text).doesNotContain(personal);
        }
        assertThat(Files.exists(FILES.outbox("demo-water").resolve("statistics-" + lastMonth + ".csv")))
                .as("a partner without SFTP has the API only").isFalse();
        assertThat(count(audited, subject)).as("audited once").isEqualTo(auditedBefore + 1);
    }
}
