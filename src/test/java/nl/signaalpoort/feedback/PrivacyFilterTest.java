package nl.signaalpoort.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import nl.signaalpoort.partner.FeedbackProfile;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.signal.Sector;
import nl.signaalpoort.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every one of the fifteen DDAS outcomes through both profiles, against docs/domain.md section 7. */
class PrivacyFilterTest {

    private static final Partner FULL = new Partner("e", "E", "00000099000000000101", Sector.ENERGY, null, FeedbackProfile.FULL, false);
    private static final Partner FULL_WITH_NOT_RESIDENT =
            new Partner("w", "W", "00000099000000000104", Sector.HOUSING, null, FeedbackProfile.FULL, true);
    private static final Partner BINARY =
            new Partner("z", "Z", "00000099000000000102", Sector.HEALTH_INSURANCE, null, FeedbackProfile.BINARY, false);

    /** The mapping exactly as shipped in application.yaml: this test holds it to the table in docs/domain.md. */
    private final PrivacyFilter filter = new PrivacyFilter(TestSettings.bind("signaalpoort.feedback", FeedbackProperties.class));

    @ParameterizedTest(name = "{0} ({1}) -> {2} / {3} / {4}")
    @CsvSource(delimiter = '|', value = {
        "NOT_PICKED_UP_REPEATED|Niet opgepakt: herhaalde melding|REPEATED|REPEATED|NO_HELP_OR_NOT_PICKED_UP",
        "NOT_PICKED_UP_UNJUSTIFIED|Niet opgepakt: onterecht signaal|UNJUSTIFIED|UNJUSTIFIED|NO_HELP_OR_NOT_PICKED_UP",
        "DECEASED_RESIDENT|Inwoner is overleden|DECEASED|DECEASED|NO_HELP_OR_NOT_PICKED_UP",
        "NOT_A_RESIDENT|Persoon is geen inwoner (meer) in de gemeente|NOT_PICKED_UP|NOT_RESIDENT|NO_HELP_OR_NOT_PICKED_UP",
        "NOT_PICKED_UP_OTHER_REASON|Niet opgepakt: andere reden|NOT_PICKED_UP|NOT_PICKED_UP|NO_HELP_OR_NOT_PICKED_UP",
        "KNOWN_TO_DEBT_SERVICES_ALREADY|Inwoner al bekend bij schuldhulpverlening|KNOWN_TO_DEBT_SERVICES|KNOWN_TO_DEBT_SERVICES|NO_HELP_OR_NOT_PICKED_UP",
        "OTHER_TRAJECTORY_RUNNING|Inwoner heeft al een ander lopend traject|NOT_PICKED_UP|NOT_PICKED_UP|NO_HELP_OR_NOT_PICKED_UP",
        "NO_CONTACT_DEFINITIVELY|Definitief geen contact kunnen krijgen|NOT_REACHED_OR_DECLINED|NOT_REACHED_OR_DECLINED|NO_HELP_OR_NOT_PICKED_UP",
        "NO_REACTION_AFTER_CONTACT|Geen reactie na eerder contact|NOT_REACHED_OR_DECLINED|NOT_REACHED_OR_DECLINED|NO_HELP_OR_NOT_PICKED_UP",
        "NO_HELP_WANTED|Inwoner hoeft geen hulp|NOT_REACHED_OR_DECLINED|NOT_REACHED_OR_DECLINED|NO_HELP_OR_NOT_PICKED_UP",
        "ALREADY_PAID_OR_ARRANGED|Inwoner heeft zelf al betaald/regeling getroffen|NOT_REACHED_OR_DECLINED|NOT_REACHED_OR_DECLINED|NO_HELP_OR_NOT_PICKED_UP",
        "REFERRAL_WITHOUT_CONTACT|Verwijzing zonder contact|NOT_REACHED_OR_DECLINED|NOT_REACHED_OR_DECLINED|NO_HELP_OR_NOT_PICKED_UP",
        "BUDGET_ADVICE_OR_QUICK_FIX|(Budget)advies en/of quick fix|WANTS_HELP|WANTS_HELP|HELP_ACCEPTED",
        "FOLLOW_UP_FINANCIAL|Vervolghulp/verwijzing financieel|WANTS_HELP|WANTS_HELP|HELP_ACCEPTED",
        "FOLLOW_UP_NON_FINANCIAL|Vervolghulp/verwijzing niet financieel|WANTS_HELP|WANTS_HELP|HELP_ACCEPTED"})
    void mapsEachOutcome(MunicipalOutcome outcome, String label, PartnerFeedbackCode full,
            PartnerFeedbackCode fullWithNotResident, PartnerFeedbackCode binary) {
        assertThat(outcome.dutchLabel()).isEqualTo(label);
        assertThat(filter.partnerCode(outcome, FULL)).isEqualTo(full);
        assertThat(filter.partnerCode(outcome, FULL_WITH_NOT_RESIDENT)).isEqualTo(fullWithNotResident);
        assertThat(filter.partnerCode(outcome, BINARY)).isEqualTo(binary);
    }

    @Test
    void aMappingThatMissesAnOutcomeOrUsesABinaryCodeStopsTheGateway() {
        FeedbackProperties shipped = TestSettings.bind("signaalpoort.feedback", FeedbackProperties.class);
        java.util.Map<MunicipalOutcome, PartnerFeedbackCode> missing = new java.util.EnumMap<>(shipped.mapping());
        missing.remove(MunicipalOutcome.NO_HELP_WANTED);
        java.util.Map<MunicipalOutcome, PartnerFeedbackCode> binary = new java.util.EnumMap<>(shipped.mapping());
        binary.put(MunicipalOutcome.NO_HELP_WANTED, PartnerFeedbackCode.HELP_ACCEPTED);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FeedbackProperties(missing, shipped.collectionPause(), shipped.autoClose(), shipped.pushInterval(), shipped.files()))
                .hasMessageContaining("fifteen");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FeedbackProperties(binary, shipped.collectionPause(), shipped.autoClose(), shipped.pushInterval(), shipped.files()))
                .hasMessageContaining("Convenant");
    }

    @Test
    void thereAreExactlyFifteenOutcomes() {
        assertThat(MunicipalOutcome.values()).hasSize(15);
    }

    @Test
    void aBinaryPartnerHearsOnlyTwoCodes() {
        EnumSet<PartnerFeedbackCode> heard = EnumSet.noneOf(PartnerFeedbackCode.class);
        for (MunicipalOutcome outcome : MunicipalOutcome.values()) {
            heard.add(filter.partnerCode(outcome, BINARY));
        }
        assertThat(heard).containsExactlyInAnyOrder(PartnerFeedbackCode.HELP_ACCEPTED, PartnerFeedbackCode.NO_HELP_OR_NOT_PICKED_UP);
    }
}
