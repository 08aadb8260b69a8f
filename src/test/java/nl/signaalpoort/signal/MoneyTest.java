package nl.signaalpoort.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"50, 5000", "49.99, 4999", "0.01, 1", "245.50, 24550", "245.500, 24550", "10000000, 1000000000"})
    void readsEurosExactly(String euros, long cents) {
        assertThat(Money.ofEuros(new BigDecimal(euros)).cents()).isEqualTo(cents);
    }

    @ParameterizedTest
    @CsvSource({"10.123", "0.001", "-1", "-0.01", "10000000.01"})
    void refusesWhatIsNotAnAmount(String euros) {
        assertThatThrownBy(() -> Money.ofEuros(new BigDecimal(euros))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTwoDecimals() {
        assertThat(Money.ofCents(24550).euros()).isEqualByComparingTo("245.50");
        assertThat(Money.ofCents(24550).euros().scale()).isEqualTo(2);
        assertThat(Money.ofCents(5).toString()).isEqualTo("EUR 0.05");
    }

    @Test
    void compares() {
        assertThat(Money.ofCents(4999).isLessThan(Money.ofCents(5000))).isTrue();
        assertThat(Money.ofCents(5000).isLessThan(Money.ofCents(5000))).isFalse();
        assertThat(Money.ofCents(100).plus(Money.ofCents(50))).isEqualTo(Money.ofCents(150));
    }
}
