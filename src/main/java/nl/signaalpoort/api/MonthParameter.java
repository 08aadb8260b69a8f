package nl.signaalpoort.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A month as the API takes it, {@code yyyy-MM}; anything else is {@code INVALID_PARAMETER}. */
public final class MonthParameter {

    private MonthParameter() {
    }

    public static YearMonth parse(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
    }
}
