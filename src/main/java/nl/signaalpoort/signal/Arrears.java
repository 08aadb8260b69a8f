package nl.signaalpoort.signal;

import java.time.LocalDate;

/**
 * What is owed. For health insurers the total includes deductible and own contributions, while
 * eligibility is judged on the premium part (docs/domain.md section 4).
 */
public record Arrears(
        Money totalAmount,
        Money termAmount,
        Integer termsOverdue,
        Integer remindersSent,
        LocalDate oldestDueDate,
        LocalDate newestDueDate,
        Money premiumAmount,
        Money deductibleAmount,
        Money ownContributionAmount,
        Money penaltyAmount,
        Money depositAmount,
        boolean paymentArrangementFailed,
        boolean handedToBailiff,
        boolean knownDebtArrangement,
        boolean personallyLiable) {
}
