package nl.signaalpoort.normalise;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** E-mail addresses trimmed and lower-cased; a plausible {@code local@domain.tld} shape is required. */
public final class EmailNormaliser {

    private static final int MAX_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    public Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_LENGTH || !EMAIL.matcher(email).matches() || email.contains("..")
                || email.startsWith(".") || email.contains(".@")) {
            return Optional.empty();
        }
        return Optional.of(email);
    }
}
