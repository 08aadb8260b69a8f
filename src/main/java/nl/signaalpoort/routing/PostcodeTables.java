package nl.signaalpoort.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The postcode table's versions, each in force from its date: a signal is routed by the version in
 * force on the Dutch day it is received. The table named by {@code signaalpoort.routing.postcode-table}
 * is in force before every loaded version. Installing a version is one swap of an immutable map, so a
 * look-up never sees half of one; versions superseded before today are let go.
 */
@Component
public class PostcodeTables {

    private static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");

    /** A version as installed: its checksum, so a node installs each loaded version once. */
    public record Installed(String sha256, PostcodeTable table) {
    }

    /**
     * The table in force now, the instant until which it stays so (the next Dutch day), and the
     * versions it was taken from: after an install it no longer matches, even if a look-up that
     * read the old versions wrote it last.
     */
    private record Current(PostcodeTable table, long untilMillis, NavigableMap<LocalDate, Installed> from) {
    }

    private final Clock clock;
    private volatile NavigableMap<LocalDate, Installed> versions;
    private volatile Current current = new Current(null, Long.MIN_VALUE, null);

    @Autowired
    public PostcodeTables(RoutingProperties properties, Clock clock) {
        this(PostcodeTable.load(properties.postcodeTable()), clock);
    }

    PostcodeTables(PostcodeTable baseline, Clock clock) {
        this.clock = clock;
        this.versions = Collections.unmodifiableNavigableMap(new TreeMap<>(Map.of(LocalDate.MIN, new Installed("baseline", baseline))));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DUTCH);
    }

    /** The table in force on {@code day}. */
    public PostcodeTable inForceOn(LocalDate day) {
        return versions.floorEntry(day).getValue().table();
    }

    /** As {@link #inForceOn} today, without working out the Dutch date for every signal. */
    public PostcodeTable inForceToday() {
        long now = clock.millis();
        Current known = current;
        NavigableMap<LocalDate, Installed> installed = versions;
        if (now < known.untilMillis() && known.from() == installed) {
            return known.table();
        }
        LocalDate today = today();
        PostcodeTable table = installed.floorEntry(today).getValue().table();
        current = new Current(table, today.plusDays(1).atStartOfDay(DUTCH).toInstant().toEpochMilli(), installed);
        return table;
    }

    /** Whether exactly this version (date and content) is installed. */
    public boolean has(LocalDate effectiveFrom, String sha256) {
        Installed installed = versions.get(effectiveFrom);
        return installed != null && installed.sha256().equals(sha256);
    }

    /** Installs (or replaces) the version from {@code effectiveFrom}, and lets go of those no longer needed. */
    public synchronized void install(LocalDate effectiveFrom, String sha256, PostcodeTable table) {
        TreeMap<LocalDate, Installed> next = new TreeMap<>(versions);
        next.put(effectiveFrom, new Installed(sha256, table));
        LocalDate inForce = next.floorKey(today());
        next.headMap(inForce, false).clear();
        versions = Collections.unmodifiableNavigableMap(next);
    }

    /** Effective date to installed version, oldest first (the first may be {@link LocalDate#MIN}: the start-up table). */
    public NavigableMap<LocalDate, Installed> installed() {
        return versions;
    }
}
