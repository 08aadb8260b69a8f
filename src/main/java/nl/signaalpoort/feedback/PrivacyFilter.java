package nl.signaalpoort.feedback;

import nl.signaalpoort.partner.FeedbackProfile;
import nl.signaalpoort.partner.Partner;
import org.springframework.stereotype.Component;

/**
 * Reduces a municipal outcome to the one code the partner may hear. The reason behind "not picked
 * up" never passes: several outcomes collapse into the same code on purpose.
 */
@Component
public class PrivacyFilter {

    private final FeedbackProperties properties;

    public PrivacyFilter(FeedbackProperties properties) {
        this.properties = properties;
    }

    public PartnerFeedbackCode partnerCode(MunicipalOutcome outcome, Partner partner) {
        return forPartner(properties.mapping().get(outcome), partner);
    }

    /** A convenant code reduced to what this partner may hear (its profile, NOT_RESIDENT per agreement). */
    public PartnerFeedbackCode forPartner(PartnerFeedbackCode convenantCode, Partner partner) {
        PartnerFeedbackCode code = convenantCode;
        if (code == PartnerFeedbackCode.NOT_RESIDENT && !partner.notResidentFeedback()) {
            code = PartnerFeedbackCode.NOT_PICKED_UP;
        }
        if (partner.feedbackProfile() == FeedbackProfile.BINARY) {
            return code == PartnerFeedbackCode.WANTS_HELP
                    ? PartnerFeedbackCode.HELP_ACCEPTED
                    : PartnerFeedbackCode.NO_HELP_OR_NOT_PICKED_UP;
        }
        return code;
    }
}
