package nl.signaalpoort.support;

import java.time.LocalDate;
import nl.signaalpoort.signal.Signal;

/** The day unit tests live on, and the valid signal they start from ({@link SignalBuilder}). */
public final class TestSignals {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private TestSignals() {
    }

    public static Signal valid() {
        return SignalBuilder.valid().build();
    }
}
