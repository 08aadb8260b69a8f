package nl.signaalpoort.monitor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.delivery.PersonalDataOpener;
import nl.signaalpoort.monitor.DdasDocument.Client;
import nl.signaalpoort.monitor.DdasDocument.Levering;
import nl.signaalpoort.monitor.DdasDocument.Organisatie;
import nl.signaalpoort.monitor.DdasDocument.SignaalVerwijzing;
import nl.signaalpoort.monitor.DdasDocument.Signaalpartner;
import nl.signaalpoort.monitor.DdasDocument.Vroegsignaal;
import nl.signaalpoort.monitor.DdasDocument.Vroegsignaalzaak;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.routing.DutchMonths;
import nl.signaalpoort.routing.MunicipalOrganisation;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.store.MonitorRepository;
import nl.signaalpoort.store.MonitorRepository.ClosedCase;
import nl.signaalpoort.store.MonitorRepository.MonitorSignal;
import nl.signaalpoort.store.PersonalData;
import org.springframework.stereotype.Component;

/**
 * A municipality's month in the DDAS-Vroegsignalering model, from the gateway's own records: the
 * signals it received that month (Dutch time) with their status today, then the cases whose final
 * outcome was reported that month. The two lists together are cut into pages of at most
 * {@link MonitorProperties#pageSize()}; each page is a whole document with one delivery.
 */
@Component
public class DdasExport {

    /** One page of the month, its place among the pages, and the signals left out because their personal data is gone. */
    public record Page(DdasDocument document, int number, int pages, int signals, int cases, int withheld) {
    }

    private final MonitorRepository repository;
    private final MunicipalityRegistry municipalities;
    private final PartnerRegistry partners;
    private final PersonalDataOpener opener;
    private final MonitorProperties properties;
    private final Clock clock;

    public DdasExport(MonitorRepository repository, MunicipalityRegistry municipalities, PartnerRegistry partners,
            PersonalDataOpener opener, MonitorProperties properties, Clock clock) {
        this.repository = repository;
        this.municipalities = municipalities;
        this.partners = partners;
        this.opener = opener;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the month has ended in Dutch time, so its export is complete. */
    public boolean hasEnded(YearMonth period) {
        return period.isBefore(DutchMonths.of(clock.instant()));
    }

    /** How many signals and closed cases the month has: counted once for all its pages. */
    private record Counts(int signals, int cases, int pages) {
    }

    /** Page {@code number} (from 1) of the month; null when there is no such page. */
    public Page page(String municipalityCode, YearMonth period, int number) {
        return page(municipalityCode, period, number, counts(municipalityCode, period));
    }

    /** Every page of the month, in order (at least one, which may be empty). */
    public List<Page> pages(String municipalityCode, YearMonth period) {
        Counts counts = counts(municipalityCode, period);
        List<Page> pages = new ArrayList<>(counts.pages());
        for (int n = 1; n <= counts.pages(); n++) {
            pages.add(page(municipalityCode, period, n, counts));
        }
        return pages;
    }

    private Counts counts(String municipalityCode, YearMonth period) {
        int signals = repository.countSignals(municipalityCode, start(period), end(period));
        int cases = repository.countCases(municipalityCode, start(period), end(period));
        int size = properties.pageSize();
        return new Counts(signals, cases, (int) Math.max(1, ((long) signals + cases + size - 1) / size));
    }

    private Page page(String municipalityCode, YearMonth period, int number, Counts counts) {
        Municipality municipality = municipalities.byCode(municipalityCode)
                .orElseThrow(() -> new IllegalArgumentException("unregistered municipality " + municipalityCode));
        Instant from = start(period);
        Instant until = end(period);
        int signals = counts.signals();
        int cases = counts.cases();
        int size = properties.pageSize();
        int pages = counts.pages();
        if (number < 1 || number > pages) {
            return null;
        }
        long first = (long) (number - 1) * size;
        long last = Math.min(first + size, (long) signals + cases);
        List<Vroegsignaal> vroegsignalen = new ArrayList<>();
        int withheld = 0;
        if (first < signals) {
            for (MonitorSignal s : repository.signals(municipalityCode, from, until, first, (int) (Math.min(last, signals) - first))) {
                Vroegsignaal v = vroegsignaal(s);
                if (v == null) {
                    withheld++;
                } else {
                    vroegsignalen.add(v);
                }
            }
        }
        List<Vroegsignaalzaak> zaken = new ArrayList<>();
        if (last > signals) {
            long caseOffset = Math.max(0, first - signals);
            for (ClosedCase c : repository.cases(municipalityCode, from, until, caseOffset, (int) (last - signals - caseOffset))) {
                zaken.add(new Vroegsignaalzaak(DdasVocabulary.result(DdasVocabulary.outcome(c.outcome())),
                        List.of(new SignaalVerwijzing(c.signalId().toString()))));
            }
        }
        Levering levering = new Levering(1, municipalityCode.substring(2), new Organisatie(organisationName(municipality)),
                vroegsignalen, zaken);
        DdasDocument document = new DdasDocument(period.atDay(1), period.atEndOfMonth(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), properties.supplierCode(), List.of(levering));
        return new Page(document, number, pages, vroegsignalen.size(), zaken.size(), withheld);
    }

    /** A signal whose personal data was shredded cannot name its resident as the model requires: it is left out. */
    private Vroegsignaal vroegsignaal(MonitorSignal s) {
        PersonalData personal = opener.openOrNull(s.signalId(), s.masterKeyId(), s.wrappedDataKey(), s.ciphertext());
        if (personal == null) {
            return null;
        }
        Address address = personal.address();
        if (address == null || address.postcode() == null || address.houseNumber() == null) {
            return null;
        }
        Client client = new Client(personal.debtor() == null ? null : personal.debtor().birthDate(), address.postcode(),
                address.houseNumber().toString(), address.houseNumberAddition());
        String partnerType = partners.byId(s.partnerId()).map(Partner::sector).map(DdasVocabulary::partnerType).orElse("Overige");
        return new Vroegsignaal(s.signalId().toString(), s.crisis(), s.warmHandover(), wholeEuros(s.totalAmountCents()),
                s.oldestDueDate(), s.signalDate(), DdasVocabulary.status(s.latestOutcome()), new Signaalpartner(partnerType), client);
    }

    /** The organisation that handles the municipality's signals: its shared-service team, or itself. */
    private String organisationName(Municipality municipality) {
        return municipalities.organisations().stream()
                .filter(o -> o.actsFor(municipality.code()) && o.municipalities().size() > 1)
                .map(MunicipalOrganisation::name).findFirst().orElse(municipality.name());
    }

    /** The model's amounts are whole euros: half a euro and more rounds up. */
    static long wholeEuros(long cents) {
        return BigDecimal.valueOf(cents).movePointLeft(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static Instant start(YearMonth period) {
        return DutchMonths.start(period);
    }

    static Instant end(YearMonth period) {
        return DutchMonths.end(period);
    }
}
