package nl.signaalpoort.normalise;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Dutch postcode to the form {@code 1234AB}: four digits not starting with 0, two letters, no space. */
public final class PostcodeNormaliser {

    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = WHITESPACE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (!POSTCODE.matcher(compact).matches()) {
            return Optional.empty();
        }
        // PostNL never issues SA, SD or SS as letter pairs.
        String letters = compact.substring(4);
        if (letters.equals("SA") || letters.equals("SD") || letters.equals("SS")) {
            return Optional.empty();
        }
        return Optional.of(compact);
    }
}
