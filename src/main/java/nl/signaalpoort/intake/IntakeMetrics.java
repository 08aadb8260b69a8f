package nl.signaalpoort.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.signaalpoort.signal.Rejection;

/**
 * Counts receipts by channel and status, and rejections by reason code: never anything from the
 * signal itself. Counters are cached: looking one up in the registry per signal costs more than
 * the rest of the bookkeeping.
 */
final class IntakeMetrics {

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(Channel channel, List<Receipt> receipts) {
        for (Receipt receipt : receipts) {
            String status = receipt.duplicate() ? "DUPLICATE" : receipt.status().name();
            counter("signaalpoort.intake.signals", "Signals received, by channel and result", channel, "status", status).increment();
            for (Rejection reason : receipt.reasons()) {
                counter("signaalpoort.intake.rejections", "Rejection reasons given at intake", channel, "reason",
                        reason.code().name()).increment();
            }
        }
    }

    private Counter counter(String name, String description, Channel channel, String tag, String value) {
        return counters.computeIfAbsent(name + '|' + channel + '|' + value, key -> Counter.builder(name)
                .description(description).tag("channel", channel.label()).tag(tag, value).register(meters));
    }
}
