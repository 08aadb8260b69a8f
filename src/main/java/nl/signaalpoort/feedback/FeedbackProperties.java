package nl.signaalpoort.feedback;

import java.time.Duration;
import java.time.Period;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Feedback settings (docs/domain.md section 7).
 *
 * @param mapping          every DDAS outcome to the Landelijk Convenant code partners hear (the privacy filter)
 * @param collectionPause  how long a partner suspends collection after WANTS_HELP (incassorust)
 * @param autoClose        when a case without a final outcome is closed automatically, and with which code
 * @param pushInterval     how often feedback is pushed to partners that configured an endpoint
 * @param files            feedback files in SFTP partners' outboxes
 */
@ConfigurationProperties("signaalpoort.feedback")
public record FeedbackProperties(Map<MunicipalOutcome, PartnerFeedbackCode> mapping, Period collectionPause, AutoClose autoClose,
        Duration pushInterval, FileSettings files) {

    /** The codes a mapping may use: the convenant's, not the health insurers' reduced pair. */
    static final Set<PartnerFeedbackCode> CONVENANT = EnumSet.of(PartnerFeedbackCode.UNJUSTIFIED, PartnerFeedbackCode.NOT_PICKED_UP,
            PartnerFeedbackCode.REPEATED, PartnerFeedbackCode.KNOWN_TO_DEBT_SERVICES, PartnerFeedbackCode.WANTS_HELP,
            PartnerFeedbackCode.NOT_REACHED_OR_DECLINED, PartnerFeedbackCode.DECEASED, PartnerFeedbackCode.NOT_RESIDENT);

    public FeedbackProperties {
        if (mapping == null || !mapping.keySet().containsAll(EnumSet.allOf(MunicipalOutcome.class))) {
            throw new IllegalStateException("signaalpoort.feedback.mapping must map every one of the fifteen DDAS outcomes");
        }
        if (!CONVENANT.containsAll(mapping.values())) {
            throw new IllegalStateException("signaalpoort.feedback.mapping may only use the Landelijk Convenant codes " + CONVENANT);
        }
        if (autoClose == null || autoClose.after() == null || !CONVENANT.contains(autoClose.partnerCode())) {
            throw new IllegalStateException("signaalpoort.feedback.auto-close needs 'after' and a convenant 'partner-code'");
        }
        if (files == null || files.maxItemsPerFile() < 1) {
            throw new IllegalStateException("signaalpoort.feedback.files needs max-items-per-file of at least 1");
        }
        mapping = Map.copyOf(mapping);
    }

    /**
     * @param interval        how often new feedback is written to files
     * @param maxItemsPerFile the most items in one file; more make more files
     */
    public record FileSettings(Duration interval, int maxItemsPerFile) {
    }

    /**
     * @param after       a case without a final outcome this long after delivery is closed automatically
     * @param partnerCode the code the partner then hears
     * @param interval    how often the auto-close job runs
     */
    public record AutoClose(Period after, PartnerFeedbackCode partnerCode, Duration interval) {
    }
}
