package nl.signaalpoort.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How the /ops page writes times and ages: Dutch time, and ages a person reads at a glance. */
@Component("opsFormat")
public class OpsFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.of("Europe/Amsterdam"));

    public String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    public String age(Duration age) {
        if (age == null) {
            return "-";
        }
        long seconds = age.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        return seconds / 86400 + " d " + seconds % 86400 / 3600 + " h";
    }

    public String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    public String rate(double perSecond) {
        return Math.round(perSecond) + "/s";
    }
}
