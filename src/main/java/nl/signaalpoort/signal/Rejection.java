package nl.signaalpoort.signal;

/**
 * One reason a signal was refused, naming the field (a dotted path such as {@code address.postcode})
 * where there is one. Holds no value from the signal, so it is safe to log and to return.
 */
public record Rejection(ReasonCode code, String field) {

    public static Rejection of(ReasonCode code) {
        return new Rejection(code, null);
    }

    public static Rejection of(ReasonCode code, String field) {
        return new Rejection(code, field);
    }
}
