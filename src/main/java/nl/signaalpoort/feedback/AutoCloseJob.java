package nl.signaalpoort.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.store.FeedbackRepository;
import nl.signaalpoort.store.SignalOwnership;
import org.springframework.stereotype.Component;

/** Closes cases left without a final outcome after the set period (default 28 days after delivery, seed 004). */
@Component(Routes.AUTO_CLOSE_JOB)
public class AutoCloseJob {

    private static final int CHUNK = 500;

    private final FeedbackRepository repository;
    private final FeedbackService feedback;
    private final FeedbackProperties properties;
    private final Clock clock;

    public AutoCloseJob(FeedbackRepository repository, FeedbackService feedback, FeedbackProperties properties, Clock clock) {
        this.repository = repository;
        this.feedback = feedback;
        this.properties = properties;
        this.clock = clock;
    }

    public int run() {
        return runAt(clock.instant());
    }

    /** One run as if the time were {@code now}; returns how many cases it closed. */
    public int runAt(Instant now) {
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(properties.autoClose().after()).toInstant();
        int closed = 0;
        List<SignalOwnership> open;
        while (!(open = repository.openDeliveredBefore(cutoff, CHUNK)).isEmpty()) {
            for (SignalOwnership signal : open) {
                if (feedback.autoClose(signal, now)) {
                    closed++;
                }
            }
        }
        return closed;
    }
}
