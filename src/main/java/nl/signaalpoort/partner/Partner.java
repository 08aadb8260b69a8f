package nl.signaalpoort.partner;

import nl.signaalpoort.signal.Money;
import nl.signaalpoort.signal.Sector;

/**
 * A partner (vastelastenpartner) as registered by operators in {@code routes/partners.yaml}.
 *
 * @param id            the gateway's own stable id, used in storage and logs
 * @param oin           the organisation's OIN, as in its certificate's subject serialNumber
 * @param minimumAmount the partner's own minimum arrears; null means the sector default
 */
public record Partner(
        String id,
        String name,
        String oin,
        Sector sector,
        Money minimumAmount,
        FeedbackProfile feedbackProfile,
        boolean notResidentFeedback) {

    public Partner {
        feedbackProfile = feedbackProfile == null ? FeedbackProfile.FULL : feedbackProfile;
    }
}
