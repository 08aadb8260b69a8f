package nl.signaalpoort.monitor;

import java.util.EnumMap;
import java.util.Map;
import nl.signaalpoort.feedback.MunicipalOutcome;
import nl.signaalpoort.signal.Sector;

/**
 * The gateway's codes in the value lists of DDAS-Vroegsignalering v1.2
 * ({@code contracts/monitor/ddas-vroegsignalering-v1.2.schema.json}). The gateway's fifteen outcomes
 * follow the model's list up to v1.1; v1.2 renamed four and added "Vervolghulp en/of verwijzing",
 * which no gateway outcome becomes.
 */
final class DdasVocabulary {

    static final String NOT_YET_PICKED_UP = "Nog niet opgepakt";
    static final String PICKED_UP = "Opgepakt";

    private static final Map<MunicipalOutcome, String> RESULT = new EnumMap<>(Map.ofEntries(
            Map.entry(MunicipalOutcome.NOT_PICKED_UP_REPEATED, "Niet opgepakt: herhaalde melding"),
            Map.entry(MunicipalOutcome.NOT_PICKED_UP_UNJUSTIFIED, "Niet opgepakt: onterecht signaal"),
            Map.entry(MunicipalOutcome.DECEASED_RESIDENT, "Inwoner is overleden"),
            Map.entry(MunicipalOutcome.NOT_A_RESIDENT, "Persoon is geen inwoner (meer) in de gemeente"),
            Map.entry(MunicipalOutcome.NOT_PICKED_UP_OTHER_REASON, "Niet opgepakt: andere reden"),
            Map.entry(MunicipalOutcome.KNOWN_TO_DEBT_SERVICES_ALREADY, "Inwoner al bekend bij schuldhulpverlening"),
            Map.entry(MunicipalOutcome.OTHER_TRAJECTORY_RUNNING, "Inwoner heeft al een ander lopend traject"),
            Map.entry(MunicipalOutcome.NO_CONTACT_DEFINITIVELY, "Definitief geen contact kunnen krijgen"),
            Map.entry(MunicipalOutcome.NO_REACTION_AFTER_CONTACT, "Geen reactie na eerder contact"),
            Map.entry(MunicipalOutcome.NO_HELP_WANTED, "Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering"),
            Map.entry(MunicipalOutcome.ALREADY_PAID_OR_ARRANGED, "Inwoner heeft zelf al betaald/betalingsregeling getroffen"),
            Map.entry(MunicipalOutcome.REFERRAL_WITHOUT_CONTACT, "Verwijzing zonder tussenkomst inwoner"),
            Map.entry(MunicipalOutcome.BUDGET_ADVICE_OR_QUICK_FIX, "(Budget)advies en/of quick fix"),
            Map.entry(MunicipalOutcome.FOLLOW_UP_FINANCIAL, "Vervolghulp en/of verwijzing financieel"),
            Map.entry(MunicipalOutcome.FOLLOW_UP_NON_FINANCIAL, "Vervolghulp en/of verwijzing niet financieel")));

    /** Outcomes that say the signal was not taken up, and why; the signal's status names them. */
    private static final Map<MunicipalOutcome, String> NOT_TAKEN_UP = new EnumMap<>(Map.of(
            MunicipalOutcome.NOT_PICKED_UP_REPEATED, RESULT.get(MunicipalOutcome.NOT_PICKED_UP_REPEATED),
            MunicipalOutcome.NOT_PICKED_UP_UNJUSTIFIED, RESULT.get(MunicipalOutcome.NOT_PICKED_UP_UNJUSTIFIED),
            MunicipalOutcome.NOT_PICKED_UP_OTHER_REASON, RESULT.get(MunicipalOutcome.NOT_PICKED_UP_OTHER_REASON),
            MunicipalOutcome.DECEASED_RESIDENT, RESULT.get(MunicipalOutcome.DECEASED_RESIDENT),
            MunicipalOutcome.NOT_A_RESIDENT, RESULT.get(MunicipalOutcome.NOT_A_RESIDENT),
            MunicipalOutcome.KNOWN_TO_DEBT_SERVICES_ALREADY, RESULT.get(MunicipalOutcome.KNOWN_TO_DEBT_SERVICES_ALREADY)));

    private static final Map<Sector, String> PARTNER_TYPE = new EnumMap<>(Map.of(
            Sector.ENERGY, "Energie", Sector.WATER, "Water", Sector.HEALTH_INSURANCE, "Zorg", Sector.HOUSING, "Huur"));

    private DdasVocabulary() {
    }

    /** The model's end result for an outcome the municipality reported. */
    static String result(MunicipalOutcome outcome) {
        return RESULT.get(outcome);
    }

    /**
     * The signal's status from the latest outcome stored for it (a gateway outcome code, or null
     * when none was reported; the gateway's own automatic closing is not a municipal status).
     */
    static String status(String latestOutcome) {
        MunicipalOutcome outcome = outcome(latestOutcome);
        if (outcome == null) {
            return NOT_YET_PICKED_UP;
        }
        return NOT_TAKEN_UP.getOrDefault(outcome, PICKED_UP);
    }

    /** A stored outcome code as a municipal outcome; null for none and for the gateway's own codes. */
    static MunicipalOutcome outcome(String stored) {
        if (stored == null) {
            return null;
        }
        for (MunicipalOutcome o : MunicipalOutcome.values()) {
            if (o.name().equals(stored)) {
                return o;
            }
        }
        return null;
    }

    static String partnerType(Sector sector) {
        return PARTNER_TYPE.get(sector);
    }
}
