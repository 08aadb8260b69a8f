package nl.signaalpoort.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.signaalpoort.signal.Debtor;
import nl.signaalpoort.support.TestSignals;
import org.junit.jupiter.api.Test;

class HmacPersonPseudonymiserTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate BORN = LocalDate.of(1980, 4, 12);

    private final HmacPersonPseudonymiser pseudonymiser = new HmacPersonPseudonymiser("k1", KEY);

    @Test
    void isAnHmacSha256OverTheCanonicalForm() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] expected = mac.doFinal("vanderberg|1980-04-12".getBytes(StandardCharsets.UTF_8));

        Pseudonym p = pseudonymiser.personPseudonym(new Debtor("J.", null, "van der", "Berg", BORN, null));

        assertThat(p.keyId()).isEqualTo("k1");
        assertThat(HexFormat.of().formatHex(java.util.Base64.getUrlDecoder().decode(p.value())))
                .isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void linksSpellingVariantsOfOneName() {
        String a = pseudonymiser.personPseudonym(new Debtor("J.", null, "van der", "Berg", BORN, null)).value();
        String b = pseudonymiser.personPseudonym(new Debtor("P.", null, "Van Der", "BERG", BORN, null)).value();
        String c = pseudonymiser.personPseudonym(new Debtor("J.", null, null, "vanderBerg", BORN, null)).value();
        String accents = pseudonymiser.personPseudonym(TestSignals.debtor("Çelik", BORN)).value();
        String plain = pseudonymiser.personPseudonym(TestSignals.debtor("Celik", BORN)).value();

        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);
        assertThat(accents).isEqualTo(plain);
    }

    @Test
    void differsPerPersonAndPerKey() {
        String a = pseudonymiser.personPseudonym(TestSignals.debtor("Berg", BORN)).value();
        String otherBirth = pseudonymiser.personPseudonym(TestSignals.debtor("Berg", BORN.plusDays(1))).value();
        String otherKey = new HmacPersonPseudonymiser("k2", "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII))
                .personPseudonym(TestSignals.debtor("Berg", BORN)).value();

        assertThat(otherBirth).isNotEqualTo(a);
        assertThat(otherKey).isNotEqualTo(a);
        assertThat(a).doesNotContainIgnoringCase("berg").hasSize(43);
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new HmacPersonPseudonymiser("k", new byte[16])).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> new HmacPersonPseudonymiser(" ", KEY)).hasMessageContaining("key id");
    }
}
