package nl.signaalpoort.intake;

import java.util.Locale;

/** The ways signals reach the gateway. Their labels are what metrics and logs show. */
public enum Channel {
    REST,
    SOAP,
    SFTP;

    /** Lower case, as in metric tags: {@code rest}, {@code soap}, {@code sftp}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
