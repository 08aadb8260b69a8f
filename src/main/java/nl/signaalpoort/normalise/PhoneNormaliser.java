package nl.signaalpoort.normalise;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers to E.164 with libphonenumber; numbers without a country code are read as Dutch. */
public final class PhoneNormaliser {

    private static final String DEFAULT_REGION = "NL";
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    public Optional<String> normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(raw.trim(), DEFAULT_REGION);
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
