package nl.signaalpoort.partner;

import nl.signaalpoort.rules.RuleParameters;
import nl.signaalpoort.signal.Sector;

/**
 * A partner (vastelastenpartner) as registered by operators in {@code routes/partners.yaml}.
 *
 * @param id            the gateway's own stable id, used in storage and logs
 * @param oin           the organisation's OIN, as in its certificate's subject serialNumber
 * @param rules         the partner's own thresholds over its sector's defaults; absent fields inherit
 */
public record Partner(
        String id,
        String name,
        String oin,
        Sector sector,
        RuleParameters rules,
        FeedbackProfile feedbackProfile,
        boolean notResidentFeedback) {

    public Partner {
        feedbackProfile = feedbackProfile == null ? FeedbackProfile.FULL : feedbackProfile;
        rules = rules == null ? RuleParameters.none() : rules;
    }
}
