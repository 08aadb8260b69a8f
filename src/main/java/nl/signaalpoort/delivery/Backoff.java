package nl.signaalpoort.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff from an initial wait, capped, with "equal jitter" so many retries spread out. */
public final class Backoff {

    private Backoff() {
    }

    public static Duration after(int attempts, Duration initial, Duration max) {
        long cap = max.toMillis();
        long exponential = initial.toMillis() << Math.min(Math.max(attempts, 1) - 1, 30);
        long capped = Math.min(cap, exponential < 0 ? cap : exponential);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
