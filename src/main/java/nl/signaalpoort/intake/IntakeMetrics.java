package nl.signaalpoort.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import nl.signaalpoort.signal.Rejection;

/** Counts receipts by channel and status, and rejections by reason code: never anything from the signal itself. */
final class IntakeMetrics {

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String channel, List<Receipt> receipts) {
        for (Receipt receipt : receipts) {
            String status = receipt.duplicate() ? "DUPLICATE" : receipt.status().name();
            Counter.builder("signaalpoort.intake.signals").description("Signals received, by channel and result")
                    .tag("channel", channel).tag("status", status).register(meters).increment();
            for (Rejection reason : receipt.reasons()) {
                Counter.builder("signaalpoort.intake.rejections").description("Rejection reasons given at intake")
                        .tag("channel", channel).tag("reason", reason.code().name()).register(meters).increment();
            }
        }
    }
}
