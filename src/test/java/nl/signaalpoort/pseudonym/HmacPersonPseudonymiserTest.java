package nl.signaalpoort.pseudonym;

import nl.signaalpoort.signal.Pseudonyms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Debtor;
import nl.signaalpoort.signal.ObjectType;
import org.junit.jupiter.api.Test;

class HmacPersonPseudonymiserTest {

    private static final LocalDate BORN = LocalDate.of(1980, 4, 12);
    private static final LocalDate PLACEHOLDER = LocalDate.of(2000, 1, 1);
    private static final Address HOME = new Address("Damrak", 12, "a", "1012LG", "Amsterdam", ObjectType.DWELLING);

    private final HmacPersonPseudonymiser pseudonymiser = new HmacPersonPseudonymiser(TestKeys.ring("K2026", "K2025", "K2026"));

    private static Debtor debtor(String initials, String prefix, String surname, LocalDate born) {
        return new Debtor(initials, null, prefix, surname, born, null);
    }

    private Pseudonyms of(Debtor d, Address a) {
        return pseudonymiser.pseudonyms(d, a);
    }

    @Test
    void personKeyIsAnHmacSha256OverTheCanonicalForm() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(TestKeys.K2026), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("P|vanderberg|1980-04-12".getBytes(StandardCharsets.UTF_8)));

        Pseudonyms p = of(debtor("J.", "van der", "Berg", BORN), HOME);

        assertThat(p.keyId()).isEqualTo("K2026");
        assertThat(p.person()).isEqualTo(expected).hasSize(43).doesNotContainIgnoringCase("berg");
    }

    @Test
    void personKeyLinksSpellingVariantsButNotOtherPeople() {
        String a = of(debtor("J.", "van der", "Berg", BORN), HOME).person();

        assertThat(of(debtor("P.", "Van Der", "BERG", BORN), HOME).person()).isEqualTo(a);
        assertThat(of(debtor("J.", null, "vanderBerg", BORN), HOME).person()).isEqualTo(a);
        assertThat(of(debtor("J.", null, "Çelik", BORN), HOME).person()).isEqualTo(of(debtor("J.", null, "Celik", BORN), HOME).person());
        assertThat(of(debtor("J.", "van der", "Berg", BORN.plusDays(1)), HOME).person()).isNotEqualTo(a);
        assertThat(of(debtor("J.", "van der", "Bergen", BORN), HOME).person()).isNotEqualTo(a);
    }

    @Test
    void householdKeyIsTheAddressWhoeverLivesThere() {
        String home = of(debtor("J.", null, "Jansen", BORN), HOME).household();

        assertThat(of(debtor("K.", null, "Pietersen", PLACEHOLDER), new Address(null, 12, "A", "1012LG", null, null)).household())
                .isEqualTo(home);
        assertThat(of(debtor("J.", null, "Jansen", BORN), new Address(null, 12, null, "1012LG", null, null)).household()).isNotEqualTo(home);
        assertThat(of(debtor("J.", null, "Jansen", BORN), new Address(null, 14, "A", "1012LG", null, null)).household()).isNotEqualTo(home);
    }

    @Test
    void tolerantKeyLinksSwappedSurnamePartsAndPlaceholderBirthDates() {
        // docs/domain.md section 6: BRP checks drop real residents whose surname parts come in another
        // order, or whose birth date is a placeholder such as 1 January 2000.
        Pseudonyms real = of(debtor("A.", null, "Yilmaz Demir", LocalDate.of(1975, 6, 3)), HOME);
        Pseudonyms swapped = of(debtor("A.", null, "Demir Yilmaz", LocalDate.of(1975, 6, 3)), HOME);
        Pseudonyms placeholder = of(debtor("A.", null, "Demir-Yilmaz", PLACEHOLDER), HOME);

        assertThat(swapped.person()).isNotEqualTo(real.person());
        assertThat(placeholder.person()).isNotEqualTo(real.person());
        assertThat(swapped.tolerantPerson()).isEqualTo(real.tolerantPerson());
        assertThat(placeholder.tolerantPerson()).isEqualTo(real.tolerantPerson());
        assertThat(of(debtor("B.", null, "Yilmaz Demir", PLACEHOLDER), HOME).tolerantPerson()).isNotEqualTo(real.tolerantPerson());
        assertThat(of(debtor("A.", null, "Yilmaz Demir", PLACEHOLDER), new Address(null, 1, null, "3511AB", null, null))
                .tolerantPerson()).isNotEqualTo(real.tolerantPerson());
    }

    @Test
    void theThreeKindsNeverCollide() {
        Pseudonyms p = of(debtor("A.", null, "Jansen", BORN), HOME);
        assertThat(List.of(p.person(), p.household(), p.tolerantPerson())).doesNotHaveDuplicates();
    }

    @Test
    void afterARotationTheOldPseudonymsAreStillFound() {
        Debtor d = debtor("J.", "van der", "Berg", BORN);
        // Stored last year, under the key that was active then.
        Pseudonyms storedIn2025 = new HmacPersonPseudonymiser(TestKeys.ring("K2025", "K2025")).pseudonyms(d, HOME);

        Pseudonyms now = pseudonymiser.pseudonyms(d, HOME);
        List<Pseudonyms> lookups = pseudonymiser.lookupPseudonyms(d, HOME);

        assertThat(now.keyId()).isEqualTo("K2026");
        assertThat(now.person()).isNotEqualTo(storedIn2025.person());
        assertThat(lookups).extracting(Pseudonyms::keyId).containsExactly("K2025", "K2026");
        assertThat(lookups).extracting(Pseudonyms::person).contains(storedIn2025.person(), now.person());
        assertThat(lookups).extracting(Pseudonyms::household).contains(storedIn2025.household());
    }
}
