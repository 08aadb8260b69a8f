package nl.signaalpoort.partner;

import nl.signaalpoort.rules.RuleParameters;
import nl.signaalpoort.signal.Sector;

/**
 * A partner (vastelastenpartner) as registered by operators in {@code routes/partners.yaml}.
 *
 * @param id            the gateway's own stable id, used in storage and logs
 * @param oin           the organisation's OIN, as in its certificate's subject serialNumber
 * @param rules         the partner's own thresholds over its sector's defaults; absent fields inherit
 * @param feedbackPush  where feedback is also pushed, if the partner wants that besides pulling it
 * @param sftp          the partner's access to the gateway's SFTP server (batch files), if any
 */
public record Partner(
        String id,
        String name,
        String oin,
        Sector sector,
        RuleParameters rules,
        FeedbackProfile feedbackProfile,
        boolean notResidentFeedback,
        FeedbackPush feedbackPush,
        Sftp sftp) {

    public Partner {
        feedbackProfile = feedbackProfile == null ? FeedbackProfile.FULL : feedbackProfile;
        rules = rules == null ? RuleParameters.none() : rules;
    }

    public Partner(String id, String name, String oin, Sector sector, RuleParameters rules, FeedbackProfile feedbackProfile,
            boolean notResidentFeedback) {
        this(id, name, oin, sector, rules, feedbackProfile, notResidentFeedback, null, null);
    }

    /** @param authorizedKeys path of an authorized_keys file with the partner's SSH public keys (login = partner id) */
    public record Sftp(String authorizedKeys) {
    }

    /** @param endpoint the partner's https URL that takes pages of feedback items */
    public record FeedbackPush(String endpoint) {
    }
}
