package nl.signaalpoort.intake;

import java.util.List;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/**
 * One signal as a channel read it: bound to the canonical model, or the reasons it could not be
 * bound (then {@code signal} is null and {@code reference} is whatever reference could be read).
 */
public record Submission(Signal signal, String reference, List<Rejection> bindingProblems) {

    public static Submission of(Signal signal) {
        return new Submission(signal, signal.reference(), List.of());
    }

    public static Submission unreadable(String reference, List<Rejection> problems) {
        return new Submission(null, reference, List.copyOf(problems));
    }
}
