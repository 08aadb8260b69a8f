package nl.signaalpoort.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import org.springframework.stereotype.Component;

/**
 * What the gateway notices about a partner's data without refusing it (the BRP fallout in the
 * signaalreis report starts here): a birth date that is a known placeholder, and a city named that
 * is another connected municipality than the one the postcode and house number route to. The
 * signal is accepted; the receipt carries the warning, and the partner's statistics count it.
 */
@Component
public class DataQualityWarnings {

    /** Birth dates source systems fill in when they have none. */
    static final Set<LocalDate> PLACEHOLDER_BIRTH_DATES = Set.of(LocalDate.of(1900, 1, 1), LocalDate.of(2000, 1, 1));

    private final Map<String, String> municipalityByName;

    public DataQualityWarnings(MunicipalityRegistry municipalities) {
        this.municipalityByName = municipalities.all().stream()
                .collect(Collectors.toUnmodifiableMap(m -> key(m.name()), Municipality::code, (a, b) -> a));
    }

    public List<Rejection> of(Signal signal, Municipality routedTo) {
        List<Rejection> warnings = new ArrayList<>(0);
        if (signal.debtor() != null && PLACEHOLDER_BIRTH_DATES.contains(signal.debtor().birthDate())) {
            warnings.add(Rejection.of(ReasonCode.PLACEHOLDER_BIRTH_DATE, "debtor.birthDate"));
        }
        String city = signal.address() == null ? null : signal.address().city();
        String named = city == null ? null : municipalityByName.get(key(city));
        if (named != null && routedTo != null && !named.equals(routedTo.code())) {
            warnings.add(Rejection.of(ReasonCode.CITY_IN_OTHER_MUNICIPALITY, "address.city"));
        }
        return warnings;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
