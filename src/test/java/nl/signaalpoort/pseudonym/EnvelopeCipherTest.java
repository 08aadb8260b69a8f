package nl.signaalpoort.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {

    private static final byte[] PLAIN = "{\"surname\":\"Jansen\"}".getBytes(StandardCharsets.UTF_8);

    private final EnvelopeCipher cipher = new EnvelopeCipher(TestKeys.ring("K2026", "K2025", "K2026"));

    @Test
    void roundTripsAndHidesThePlaintext() {
        EnvelopeCipher.Sealed sealed = cipher.seal(PLAIN, "signal-1");

        assertThat(sealed.masterKeyId()).isEqualTo("K2026");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("Jansen");
        assertThat(sealed.wrappedKey()).hasSize(12 + 32 + 16);
        assertThat(cipher.open(sealed, "signal-1")).isEqualTo(PLAIN);
    }

    @Test
    void everySealHasItsOwnDataKeyAndNonce() {
        EnvelopeCipher.Sealed a = cipher.seal(PLAIN, "signal-1");
        EnvelopeCipher.Sealed b = cipher.seal(PLAIN, "signal-1");

        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(a.wrappedKey()).isNotEqualTo(b.wrappedKey());
    }

    @Test
    void detectsTampering() {
        EnvelopeCipher.Sealed sealed = cipher.seal(PLAIN, "signal-1");
        byte[] flipped = sealed.ciphertext().clone();
        flipped[flipped.length - 20] ^= 1;
        byte[] wrapFlipped = sealed.wrappedKey().clone();
        wrapFlipped[15] ^= 1;
        EnvelopeCipher.Sealed other = cipher.seal(PLAIN, "signal-2");

        assertThatThrownBy(() -> cipher.open(new EnvelopeCipher.Sealed("K2026", sealed.wrappedKey(), flipped), "signal-1"))
                .isInstanceOf(TamperedDataException.class).hasMessageContaining("signal-1");
        assertThatThrownBy(() -> cipher.open(new EnvelopeCipher.Sealed("K2026", wrapFlipped, sealed.ciphertext()), "signal-1"))
                .isInstanceOf(TamperedDataException.class);
        // Moved to another record: the record id is bound in.
        assertThatThrownBy(() -> cipher.open(sealed, "signal-2")).isInstanceOf(TamperedDataException.class);
        // Another record's data key does not open this ciphertext.
        assertThatThrownBy(() -> cipher.open(new EnvelopeCipher.Sealed("K2026", other.wrappedKey(), sealed.ciphertext()), "signal-1"))
                .isInstanceOf(TamperedDataException.class);
        // Claimed to be wrapped by the other master key.
        assertThatThrownBy(() -> cipher.open(new EnvelopeCipher.Sealed("K2025", sealed.wrappedKey(), sealed.ciphertext()), "signal-1"))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void dataSealedUnderARetiredMasterKeyStillOpensWhileThatKeyIsInTheRing() {
        EnvelopeCipher.Sealed old = new EnvelopeCipher(TestKeys.ring("K2025", "K2025")).seal(PLAIN, "signal-1");

        assertThat(cipher.open(old, "signal-1")).isEqualTo(PLAIN);
        assertThatThrownBy(() -> new EnvelopeCipher(TestKeys.ring("K2026", "K2026")).open(old, "signal-1"))
                .hasMessageContaining("'K2025' is not in the ring");
    }

    @Test
    void sealsUnderTwoMasterKeysInTurnOnOneThreadEachOpenUnderTheirOwn() {
        // The wrapping cipher keeps its expanded key between uses: a change of master key must still take effect.
        EnvelopeCipher first = new EnvelopeCipher(TestKeys.ring("K2025", "K2025"));
        EnvelopeCipher second = new EnvelopeCipher(TestKeys.ring("K2026", "K2026"));
        for (int i = 0; i < 3; i++) {
            EnvelopeCipher.Sealed a = first.seal(PLAIN, "signal-a" + i);
            EnvelopeCipher.Sealed b = second.seal(PLAIN, "signal-b" + i);
            assertThat(a.masterKeyId()).isEqualTo("K2025");
            assertThat(b.masterKeyId()).isEqualTo("K2026");
            assertThat(second.open(b, "signal-b" + i)).isEqualTo(PLAIN);
            assertThat(first.open(a, "signal-a" + i)).isEqualTo(PLAIN);
            assertThat(cipher.open(a, "signal-a" + i)).isEqualTo(PLAIN);
            assertThat(cipher.open(b, "signal-b" + i)).isEqualTo(PLAIN);
        }
    }
}
