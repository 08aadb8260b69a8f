package nl.signaalpoort.feedback;

import static nl.signaalpoort.feedback.PartnerFeedbackCode.DECEASED;
import static nl.signaalpoort.feedback.PartnerFeedbackCode.KNOWN_TO_DEBT_SERVICES;
import static nl.signaalpoort.feedback.PartnerFeedbackCode.NOT_PICKED_UP;
import static nl.signaalpoort.feedback.PartnerFeedbackCode.NOT_REACHED_OR_DECLINED;
import static nl.signaalpoort.feedback.PartnerFeedbackCode.NOT_RESIDENT;
import static nl.signaalpoort.feedback.PartnerFeedbackCode.REPEATED;
import static nl.signaalpoort.feedback.PartnerFeedbackCode.UNJUSTIFIED;
import static nl.signaalpoort.feedback.PartnerFeedbackCode.WANTS_HELP;

/**
 * The municipality's outcome for a signal: the fifteen values of the VNG DDAS
 * {@code EnumEindresultaat}, with stable codes, their Dutch labels and the partner code each maps
 * to by default (domain.md section 7).
 */
public enum MunicipalOutcome {
    NOT_PICKED_UP_REPEATED("Niet opgepakt: herhaalde melding", REPEATED),
    NOT_PICKED_UP_UNJUSTIFIED("Niet opgepakt: onterecht signaal", UNJUSTIFIED),
    DECEASED_RESIDENT("Inwoner is overleden", DECEASED),
    NOT_A_RESIDENT("Persoon is geen inwoner (meer) in de gemeente", NOT_RESIDENT),
    NOT_PICKED_UP_OTHER_REASON("Niet opgepakt: andere reden", NOT_PICKED_UP),
    KNOWN_TO_DEBT_SERVICES_ALREADY("Inwoner al bekend bij schuldhulpverlening", KNOWN_TO_DEBT_SERVICES),
    OTHER_TRAJECTORY_RUNNING("Inwoner heeft al een ander lopend traject", NOT_PICKED_UP),
    NO_CONTACT_DEFINITIVELY("Definitief geen contact kunnen krijgen", NOT_REACHED_OR_DECLINED),
    NO_REACTION_AFTER_CONTACT("Geen reactie na eerder contact", NOT_REACHED_OR_DECLINED),
    NO_HELP_WANTED("Inwoner hoeft geen hulp", NOT_REACHED_OR_DECLINED),
    ALREADY_PAID_OR_ARRANGED("Inwoner heeft zelf al betaald/regeling getroffen", NOT_REACHED_OR_DECLINED),
    REFERRAL_WITHOUT_CONTACT("Verwijzing zonder contact", NOT_REACHED_OR_DECLINED),
    BUDGET_ADVICE_OR_QUICK_FIX("(Budget)advies en/of quick fix", WANTS_HELP),
    FOLLOW_UP_FINANCIAL("Vervolghulp/verwijzing financieel", WANTS_HELP),
    FOLLOW_UP_NON_FINANCIAL("Vervolghulp/verwijzing niet financieel", WANTS_HELP);

    private final String dutchLabel;
    private final PartnerFeedbackCode defaultPartnerCode;

    MunicipalOutcome(String dutchLabel, PartnerFeedbackCode defaultPartnerCode) {
        this.dutchLabel = dutchLabel;
        this.defaultPartnerCode = defaultPartnerCode;
    }

    public String dutchLabel() {
        return dutchLabel;
    }

    public PartnerFeedbackCode defaultPartnerCode() {
        return defaultPartnerCode;
    }
}
