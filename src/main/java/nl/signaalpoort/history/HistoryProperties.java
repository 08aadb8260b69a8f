package nl.signaalpoort.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Windows for the history annotations (docs/domain.md section 6).
 *
 * @param matchWindow        signals from other partners for the same household within this period count as a match
 * @param recidiveWindow     an earlier signal for the same person within this period is recidive
 * @param latePayerWindow    the period in which late-payer signals from one partner are counted
 * @param latePayerThreshold this many signals from one partner in the window (this one included) marks a late payer
 */
@ConfigurationProperties("signaalpoort.history")
public record HistoryProperties(Period matchWindow, Period recidiveWindow, Period latePayerWindow, int latePayerThreshold) {

    /** How far back from {@code from} history is read at all: the start of the longest window. */
    public Instant lookBackFrom(Instant from) {
        OffsetDateTime at = from.atOffset(ZoneOffset.UTC);
        return Stream.of(matchWindow, recidiveWindow, latePayerWindow)
                .map(window -> at.minus(window).toInstant())
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }
}
