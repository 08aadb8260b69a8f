package nl.signaalpoort.withdrawal;

import java.util.Arrays;

/** Why a partner withdraws a signal: the arrears were paid or arranged since, or it was sent in error. */
public enum WithdrawalReason {
    PAID_OR_ARRANGED,
    SENT_IN_ERROR;

    /** The reason of this name, or null for none or an unknown one (every channel refuses that with its own code). */
    public static WithdrawalReason named(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
