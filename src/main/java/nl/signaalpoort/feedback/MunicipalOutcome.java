package nl.signaalpoort.feedback;


/**
 * The municipality's outcome for a signal: the fifteen values of the VNG DDAS
 * {@code EnumEindresultaat}, with stable codes and their Dutch labels. What the partner hears for
 * each is a setting (signaalpoort.feedback.mapping, docs/domain.md section 7).
 */
public enum MunicipalOutcome {
    NOT_PICKED_UP_REPEATED("Niet opgepakt: herhaalde melding"),
    NOT_PICKED_UP_UNJUSTIFIED("Niet opgepakt: onterecht signaal"),
    DECEASED_RESIDENT("Inwoner is overleden"),
    NOT_A_RESIDENT("Persoon is geen inwoner (meer) in de gemeente"),
    NOT_PICKED_UP_OTHER_REASON("Niet opgepakt: andere reden"),
    KNOWN_TO_DEBT_SERVICES_ALREADY("Inwoner al bekend bij schuldhulpverlening"),
    OTHER_TRAJECTORY_RUNNING("Inwoner heeft al een ander lopend traject"),
    NO_CONTACT_DEFINITIVELY("Definitief geen contact kunnen krijgen"),
    NO_REACTION_AFTER_CONTACT("Geen reactie na eerder contact"),
    NO_HELP_WANTED("Inwoner hoeft geen hulp"),
    ALREADY_PAID_OR_ARRANGED("Inwoner heeft zelf al betaald/regeling getroffen"),
    REFERRAL_WITHOUT_CONTACT("Verwijzing zonder contact"),
    BUDGET_ADVICE_OR_QUICK_FIX("(Budget)advies en/of quick fix"),
    FOLLOW_UP_FINANCIAL("Vervolghulp/verwijzing financieel"),
    FOLLOW_UP_NON_FINANCIAL("Vervolghulp/verwijzing niet financieel");

    private final String dutchLabel;

    MunicipalOutcome(String dutchLabel) {
        this.dutchLabel = dutchLabel;
    }

    public String dutchLabel() {
        return dutchLabel;
    }
}
