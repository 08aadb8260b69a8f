package nl.signaalpoort.signal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in euros, held as exact cents. On the wire it is a JSON number of euros with at
 * most two decimals; anything more precise is refused rather than rounded.
 */
public record Money(long cents) implements Comparable<Money> {

    /** Ten million euros: far above any household arrears, low enough to catch unit mistakes (cents sent as euros). */
    public static final long MAX_CENTS = 1_000_000_000L;

    public Money {
        if (cents < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (cents > MAX_CENTS) {
            throw new IllegalArgumentException("amount is larger than EUR 10,000,000");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money ofEuros(BigDecimal euros) {
        if (euros == null) {
            return null;
        }
        BigDecimal stripped = euros.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new IllegalArgumentException("amount has more than two decimals");
        }
        try {
            return new Money(euros.movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount is out of range");
        }
    }

    public static Money ofEuros(String euros) {
        return ofEuros(new BigDecimal(euros));
    }

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    @JsonValue
    public BigDecimal euros() {
        return BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    public Money plus(Money other) {
        return other == null ? this : new Money(cents + other.cents);
    }

    public boolean isLessThan(Money other) {
        return cents < other.cents;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    @Override
    public String toString() {
        return "EUR " + euros().toPlainString();
    }
}
