package nl.signaalpoort.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import nl.signaalpoort.signal.Rejection;

/**
 * Counts receipts by partner, channel and status, and rejections by partner, channel and reason
 * code: the partners' data quality at a glance. Never anything from the signal itself: partner
 * ids are the gateway's own. Counters are cached: looking one up in the registry per signal costs
 * more than the rest of the bookkeeping.
 */
final class IntakeMetrics {

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Channel, Timer> timers = new ConcurrentHashMap<>();

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String partnerId, Channel channel, List<Receipt> receipts) {
        for (Receipt receipt : receipts) {
            String status = receipt.duplicate() ? "DUPLICATE" : receipt.status().name();
            counter("signaalpoort.intake.signals", "Signals received, by partner, channel and result", partnerId, channel, "status",
                    status).increment();
            for (Rejection reason : receipt.reasons()) {
                counter("signaalpoort.intake.rejections", "Rejection reasons given at intake", partnerId, channel, "reason",
                        reason.code().name()).increment();
            }
        }
    }

    /** How long the pipeline took for one request or one chunk of a file, whatever its size. */
    void took(Channel channel, long nanos) {
        timers.computeIfAbsent(channel, c -> Timer.builder("signaalpoort.intake.duration")
                .description("Time the pipeline took for one request, or one chunk of a batch file").tag("channel", c.label())
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
                .register(meters)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter counter(String name, String description, String partnerId, Channel channel, String tag, String value) {
        return counters.computeIfAbsent(name + '|' + partnerId + '|' + channel + '|' + value, key -> Counter.builder(name)
                .description(description).tag("partner", partnerId).tag("channel", channel.label()).tag(tag, value)
                .register(meters));
    }
}
