package nl.signaalpoort.intake;

import java.util.List;
import java.util.UUID;
import nl.signaalpoort.signal.Rejection;

/**
 * What the partner hears back for one signal: the gateway's id when accepted, every reason when
 * rejected. {@code duplicate} marks a reference that was accepted before: the original receipt.
 * {@code warnings} are rules set to warn that the signal did not meet; it was accepted all the same.
 */
public record Receipt(String reference, UUID signalId, ReceiptStatus status, boolean duplicate, List<Rejection> reasons,
        List<Rejection> warnings) {

    public static Receipt accepted(String reference, UUID signalId, boolean duplicate) {
        return accepted(reference, signalId, duplicate, List.of());
    }

    public static Receipt accepted(String reference, UUID signalId, boolean duplicate, List<Rejection> warnings) {
        return new Receipt(reference, signalId, ReceiptStatus.ACCEPTED, duplicate, List.of(), List.copyOf(warnings));
    }

    public static Receipt rejected(String reference, List<Rejection> reasons) {
        return new Receipt(reference, null, ReceiptStatus.REJECTED, false, List.copyOf(reasons), List.of());
    }
}
