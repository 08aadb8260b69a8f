package nl.signaalpoort.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import nl.signaalpoort.feedback.MunicipalOutcome;
import nl.signaalpoort.signal.Sector;
import nl.signaalpoort.support.DdasSchema;
import org.junit.jupiter.api.Test;

class DdasVocabularyTest {

    @Test
    void everyOutcomeBecomesItsOwnEndResultOfTheModel() throws Exception {
        List<String> model = DdasSchema.values("EnumEindresultaat");
        List<String> ours = Arrays.stream(MunicipalOutcome.values()).map(DdasVocabulary::result).toList();
        assertThat(ours).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(model).containsAll(ours);
        // The one value v1.2 added has no gateway outcome: the gateway's are the two kinds it split into.
        assertThat(model).hasSize(16).contains("Vervolghulp en/of verwijzing");
        assertThat(ours).doesNotContain("Vervolghulp en/of verwijzing");
    }

    @Test
    void aSignalsStatusFollowsItsLatestOutcome() throws Exception {
        List<String> statuses = DdasSchema.values("EnumSignaalstatus");
        assertThat(DdasVocabulary.status(null)).isEqualTo("Nog niet opgepakt");
        assertThat(DdasVocabulary.status("AUTO_CLOSED")).as("the gateway's own closing is not the municipality's").isEqualTo("Nog niet opgepakt");
        assertThat(DdasVocabulary.status("FOLLOW_UP_FINANCIAL")).isEqualTo("Opgepakt");
        assertThat(DdasVocabulary.status("NO_HELP_WANTED")).isEqualTo("Opgepakt");
        assertThat(DdasVocabulary.status("NOT_PICKED_UP_REPEATED")).isEqualTo("Niet opgepakt: herhaalde melding");
        assertThat(DdasVocabulary.status("DECEASED_RESIDENT")).isEqualTo("Inwoner is overleden");
        for (MunicipalOutcome o : MunicipalOutcome.values()) {
            assertThat(statuses).contains(DdasVocabulary.status(o.name()));
        }
    }

    @Test
    void everySectorIsASignalPartnerTypeOfTheModel() throws Exception {
        List<String> types = DdasSchema.values("EnumSignaalpartner");
        for (Sector s : Sector.values()) {
            assertThat(types).contains(DdasVocabulary.partnerType(s));
        }
        assertThat(DdasVocabulary.partnerType(Sector.HOUSING)).isEqualTo("Huur");
        assertThat(DdasVocabulary.partnerType(Sector.HEALTH_INSURANCE)).isEqualTo("Zorg");
    }

    @Test
    void amountsAreWholeEurosRoundedHalfUp() {
        assertThat(DdasExport.wholeEuros(13_000)).isEqualTo(130);
        assertThat(DdasExport.wholeEuros(24_550)).isEqualTo(246);
        assertThat(DdasExport.wholeEuros(24_549)).isEqualTo(245);
        assertThat(DdasExport.wholeEuros(49)).isZero();
    }

    @Test
    void aMonthIsItsDutchDays() {
        java.time.YearMonth march = java.time.YearMonth.of(2026, 3);
        assertThat(DdasExport.start(march)).hasToString("2026-02-28T23:00:00Z");
        // The clocks go forward on 29 March: April starts at 22:00 UTC.
        assertThat(DdasExport.end(march)).hasToString("2026-03-31T22:00:00Z");
    }
}
