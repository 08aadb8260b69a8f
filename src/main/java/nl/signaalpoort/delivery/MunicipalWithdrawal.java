package nl.signaalpoort.delivery;

import java.time.Instant;
import java.util.UUID;
import nl.signaalpoort.withdrawal.WithdrawalReason;

/**
 * The notice that the partner withdrew a signal the municipality has, or may have
 * (contracts/municipal/municipal-delivery-v1.yaml, {@code Intrekking}): which signal, why and
 * when. It always comes after the signal; a notice for a signal the municipality never received
 * is to be ignored. Nothing personal.
 */
public record MunicipalWithdrawal(UUID signaalId, String gemeentecode, String reden, Instant ingetrokkenOp) {

    /** The reason in the municipal contract's words. */
    public static String reden(WithdrawalReason reason) {
        return switch (reason) {
            case PAID_OR_ARRANGED -> "BETAALD_OF_REGELING";
            case SENT_IN_ERROR -> "TEN_ONRECHTE_VERSTUURD";
        };
    }
}
