package nl.signaalpoort.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import nl.signaalpoort.signal.LegalForm;
import nl.signaalpoort.signal.Money;
import nl.signaalpoort.signal.ObjectType;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Sector;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;
import nl.signaalpoort.support.SignalBuilder;
import nl.signaalpoort.support.TestRuleSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule and boundary, against the sector defaults shipped in application.yaml. Each row
 * names the seed fact it encodes (sources in docs/sources.md, digest in docs/domain.md section 4).
 */
class RuleEngineTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 26); // a Friday, before Easter Monday 29 March 2027

    private final RuleEngine engine = new RuleEngine();

    /** A signal that passes every sector's rules, to be changed one field at a time. */
    private static SignalBuilder base() {
        return SignalBuilder.valid().reference("R-1").signalDate(DAY).debtor("A.", "Jansen", LocalDate.of(1980, 1, 1))
                .legal(LegalForm.NATURAL_PERSON, false).address("Damrak", 1, "1012LG", "Amsterdam").object(ObjectType.DWELLING)
                .noContact().term(null).premium("130.00", null, "130.00").overdue(60, 31);
    }

    private static Arguments row(String seedFact, Sector sector, UnaryOperator<SignalBuilder> change, ReasonCode... expected) {
        return Arguments.of(seedFact, sector, change.apply(base()).build(), List.of(expected));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("baseline energy early signal passes", Sector.ENERGY, s -> s),
                row("004: minimum EUR 50 (energy), exactly EUR 50.00 passes", Sector.ENERGY, s -> s.total("50.00")),
                row("004: minimum EUR 50 (energy), EUR 49.99 is refused", Sector.ENERGY, s -> s.total("49.99"), ReasonCode.BELOW_MINIMUM_AMOUNT),
                row("004: minimum EUR 50 (water), EUR 49.99 is refused", Sector.WATER, s -> s.total("49.99"), ReasonCode.BELOW_MINIMUM_AMOUNT),
                row("004: minimum EUR 50 (housing), EUR 50.00 passes", Sector.HOUSING, s -> s.total("50.00").reminders(1).overdue(30, 30)),
                row("004: two-term rule, one term overdue is refused", Sector.ENERGY, s -> s.terms(1), ReasonCode.TOO_FEW_TERMS),
                row("004: two-term rule, missing term count is named", Sector.ENERGY, s -> s.terms(null), ReasonCode.MISSING_FIELD),
                row("004 / Regeling afsluitbeleid: two reminders, one is refused", Sector.ENERGY, s -> s.reminders(1), ReasonCode.TOO_FEW_REMINDERS),
                row("Regeling afsluitbeleid drinkwater: water has the energy shape, one term refused", Sector.WATER, s -> s.terms(1), ReasonCode.TOO_FEW_TERMS),
                row("004 appendix: energy at least 15 days overdue, day 15 passes", Sector.ENERGY, s -> s.overdue(15, 15)),
                row("004 appendix: energy at least 15 days overdue, day 14 is refused", Sector.ENERGY, s -> s.overdue(14, 14), ReasonCode.NOT_OVERDUE_LONG_ENOUGH),
                row("004: 100-day window, day 100 passes", Sector.ENERGY, s -> s.overdue(100, 70)),
                row("004: 100-day window, day 101 is refused", Sector.ENERGY, s -> s.overdue(101, 70), ReasonCode.OUTSIDE_ARREARS_WINDOW),
                row("004: since 8 Dec 2022 a failed arrangement with the newest claim at 99 days passes", Sector.ENERGY,
                        s -> s.overdue(130, 99).failedArrangement()),
                row("004: failed arrangement, but the newest claim at 100 days is not under 100", Sector.ENERGY,
                        s -> s.overdue(130, 100).failedArrangement(), ReasonCode.OUTSIDE_ARREARS_WINDOW),
                row("004: without a failed arrangement the newest claim does not count", Sector.WATER, s -> s.overdue(130, 20),
                        ReasonCode.OUTSIDE_ARREARS_WINDOW),
                row("004 (Ondernemers): a BV is refused", Sector.ENERGY, s -> s.legal(LegalForm.PRIVATE_LIMITED_COMPANY, false), ReasonCode.LEGAL_ENTITY),
                row("004 (Ondernemers): an NV is refused", Sector.HOUSING, s -> s.legal(LegalForm.PUBLIC_LIMITED_COMPANY, false).reminders(1).overdue(40, 40), ReasonCode.LEGAL_ENTITY),
                row("004 (Ondernemers): a VOF passes", Sector.ENERGY, s -> s.legal(LegalForm.GENERAL_PARTNERSHIP, false)),
                row("004 (Ondernemers): a sole proprietorship passes", Sector.ENERGY, s -> s.legal(LegalForm.SOLE_PROPRIETORSHIP, false)),
                row("004 (Ondernemers): a BV with stated personal liability passes", Sector.ENERGY, s -> s.legal(LegalForm.PRIVATE_LIMITED_COMPANY, true)),
                row("004 (energy appendix): a known debt arrangement is refused", Sector.ENERGY, s -> s.inDebtArrangement(), ReasonCode.KNOWN_DEBT_ARRANGEMENT),
                row("004: end of supply 20 working days after, across Easter Monday, passes", Sector.ENERGY,
                        s -> s.endOfSupply(DAY, LocalDate.of(2027, 4, 26))),
                row("004: end of supply 19 working days after, across Easter Monday, is refused", Sector.ENERGY,
                        s -> s.endOfSupply(DAY, LocalDate.of(2027, 4, 23)), ReasonCode.END_OF_SUPPLY_TOO_SOON),
                row("004: end of supply on the 20th working day after, skipping King's Day, passes", Sector.WATER,
                        s -> s.endOfSupply(LocalDate.of(2027, 3, 30), LocalDate.of(2027, 4, 28))),
                row("004: end of supply on King's Day is only the 19th working day, refused", Sector.WATER,
                        s -> s.endOfSupply(LocalDate.of(2027, 3, 30), LocalDate.of(2027, 4, 27)), ReasonCode.END_OF_SUPPLY_TOO_SOON),
                row("004: end-of-supply signals may come from an annual bill: term and window rules do not apply", Sector.ENERGY,
                        s -> s.terms(0).reminders(0).overdue(300, 300).endOfSupply(DAY, LocalDate.of(2027, 5, 31))),
                row("004: uninvoiced penalties in an end-of-supply amount are refused (EUR 530 instead of 130)", Sector.ENERGY,
                        s -> s.total("530.00").penalties("400.00", null).endOfSupply(DAY, LocalDate.of(2027, 5, 31)), ReasonCode.PENALTIES_IN_AMOUNT),
                row("004: an uninvoiced deposit in an end-of-supply amount is refused", Sector.WATER,
                        s -> s.penalties(null, "200.00").endOfSupply(DAY, LocalDate.of(2027, 5, 31)), ReasonCode.PENALTIES_IN_AMOUNT),
                row("004: health insurers judge premium only: premium EUR 70 with total EUR 455 incl. deductible is refused",
                        Sector.HEALTH_INSURANCE, s -> s.premium("70.00", "385.00", "455.00").reminders(1).overdue(45, 45),
                        ReasonCode.BELOW_MINIMUM_AMOUNT),
                row("004: health, premium EUR 75.00 reaches the default minimum", Sector.HEALTH_INSURANCE,
                        s -> s.premium("75.00", "385.00", "460.00").reminders(1).overdue(45, 45)),
                row("004: health without a premium amount cannot be judged", Sector.HEALTH_INSURANCE,
                        s -> s.premium(null, null, "460.00").reminders(1).overdue(45, 45), ReasonCode.MISSING_FIELD),
                row("004 appendix: health window starts at 30 days, day 29 is refused", Sector.HEALTH_INSURANCE,
                        s -> s.reminders(1).overdue(29, 29), ReasonCode.NOT_OVERDUE_LONG_ENOUGH),
                row("004 appendix: health window ends at 100 days, day 101 is refused", Sector.HEALTH_INSURANCE,
                        s -> s.reminders(1).overdue(101, 70), ReasonCode.OUTSIDE_ARREARS_WINDOW),
                row("004 appendix: health needs at least one reminder", Sector.HEALTH_INSURANCE, s -> s.reminders(0), ReasonCode.TOO_FEW_REMINDERS),
                row("004: health, handed to a bailiff is refused", Sector.HEALTH_INSURANCE, s -> s.reminders(1).withBailiff(), ReasonCode.HANDED_TO_BAILIFF),
                row("003: six months of premium arrears is no longer early", Sector.HEALTH_INSURANCE, s -> s.reminders(1).terms(6), ReasonCode.NO_LONGER_EARLY),
                row("003: five months of premium arrears is still early", Sector.HEALTH_INSURANCE, s -> s.reminders(1).terms(5)),
                row("004: health insurers send no end-of-supply signals", Sector.HEALTH_INSURANCE,
                        s -> s.reminders(1).endOfSupply(DAY, LocalDate.of(2027, 5, 31)), ReasonCode.END_OF_SUPPLY_NOT_FOR_SECTOR),
                row("Bgs art. 2 / 004 (Haarlem): housing, a garage box is refused", Sector.HOUSING,
                        s -> s.reminders(1).overdue(40, 40).object(ObjectType.GARAGE), ReasonCode.NOT_A_DWELLING),
                row("Bgs art. 2: housing, business premises are refused", Sector.HOUSING,
                        s -> s.reminders(1).overdue(40, 40).object(ObjectType.BUSINESS_PREMISES), ReasonCode.NOT_A_DWELLING),
                row("Bgs art. 2: housing, 30 days after the reminder; day 29 is refused", Sector.HOUSING,
                        s -> s.reminders(1).overdue(29, 29), ReasonCode.NOT_OVERDUE_LONG_ENOUGH),
                row("every failing rule is reported at once", Sector.ENERGY,
                        s -> s.legal(LegalForm.PRIVATE_LIMITED_COMPANY, false).total("49.99").terms(1).reminders(0).overdue(101, 101)
                                .inDebtArrangement(),
                        ReasonCode.LEGAL_ENTITY, ReasonCode.BELOW_MINIMUM_AMOUNT, ReasonCode.KNOWN_DEBT_ARRANGEMENT,
                        ReasonCode.TOO_FEW_TERMS, ReasonCode.TOO_FEW_REMINDERS, ReasonCode.OUTSIDE_ARREARS_WINDOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rule(String seedFact, Sector sector, Signal signal, List<ReasonCode> expected) {
        RuleVerdict verdict = engine.check(signal, TestRuleSettings.ruleSet(sector, null), true);

        assertThat(verdict.rejections()).extracting(Rejection::code).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void energyFrom2026WarnsWhenNoEarlySignalPrecededAnEndOfSupplySignal() {
        Signal endOfSupply = base().endOfSupply(DAY, LocalDate.of(2027, 5, 31)).build();
        RuleSet energy = TestRuleSettings.ruleSet(Sector.ENERGY, null);

        RuleVerdict withoutHistory = engine.check(endOfSupply, energy, false);
        RuleVerdict withHistory = engine.check(endOfSupply, energy, true);

        assertThat(engine.needsHistory(endOfSupply, energy)).isTrue();
        assertThat(engine.needsHistory(base().build(), energy)).isFalse();
        assertThat(withoutHistory.rejections()).isEmpty();
        assertThat(withoutHistory.warnings()).containsExactly(Rejection.of(ReasonCode.NO_EARLIER_EARLY_SIGNAL, "kind"));
        assertThat(withHistory.warnings()).isEmpty();
    }

    @Test
    void aPartnerMayMakeTheEarlySignalRuleReject() {
        RuleSet strict = TestRuleSettings.ruleSet(Sector.ENERGY, RuleParameters.none().overriddenBy(
                new RuleParameters(null, null, null, null, null, null, null, null, null, null, null, null, EarlySignalPolicy.REJECT)));
        Signal updated = base().kind(SignalKind.UPDATED).build();

        assertThat(engine.check(updated, strict, false).rejections())
                .containsExactly(Rejection.of(ReasonCode.NO_EARLIER_EARLY_SIGNAL, "kind"));
    }

    @Test
    void aPartnerOverrideChangesTheThresholdAndTheVersion() {
        RuleParameters higher = new RuleParameters(Money.ofEuros("100.00"), null, 3, null, null, null, null, null, null,
                null, null, null, null);
        RuleSet defaults = TestRuleSettings.ruleSet(Sector.ENERGY, null);
        RuleSet own = TestRuleSettings.ruleSet(Sector.ENERGY, higher);

        assertThat(engine.check(base().total("99.99").terms(3).build(), own, true).rejections())
                .extracting(Rejection::code).containsExactly(ReasonCode.BELOW_MINIMUM_AMOUNT);
        assertThat(engine.check(base().build(), own, true).rejections())
                .extracting(Rejection::code).containsExactly(ReasonCode.TOO_FEW_TERMS);
        assertThat(own.version()).isNotEqualTo(defaults.version());
        assertThat(TestRuleSettings.ruleSet(Sector.ENERGY, higher).version()).isEqualTo(own.version());
    }

    @Test
    void describesOnlyTheActiveRulesWithTheirParameters() {
        List<RuleDescription> housing = engine.describe(TestRuleSettings.ruleSet(Sector.HOUSING, null));

        assertThat(housing).extracting(RuleDescription::code).contains(ReasonCode.NOT_A_DWELLING, ReasonCode.BELOW_MINIMUM_AMOUNT)
                .doesNotContain(ReasonCode.TOO_FEW_TERMS, ReasonCode.HANDED_TO_BAILIFF, ReasonCode.NO_EARLIER_EARLY_SIGNAL);
        assertThat(housing).filteredOn(r -> r.code() == ReasonCode.BELOW_MINIMUM_AMOUNT).first()
                .satisfies(r -> assertThat(r.parameters()).containsEntry("minimumAmount", Money.ofEuros("50.00").euros()));
    }
}
