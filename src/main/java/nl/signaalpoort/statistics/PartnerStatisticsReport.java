package nl.signaalpoort.statistics;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import nl.signaalpoort.intake.IntakeTally;
import nl.signaalpoort.routing.DutchMonths;
import nl.signaalpoort.store.PartnerStatisticsRepository;
import org.springframework.stereotype.Service;

/** A partner's {@link PartnerStatistics} for a month, the same for the REST answer and the monthly file. */
@Service
public class PartnerStatisticsReport {

    private final PartnerStatisticsRepository repository;
    private final Clock clock;

    public PartnerStatisticsReport(PartnerStatisticsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The month in progress, Dutch time. */
    public YearMonth currentMonth() {
        return DutchMonths.of(clock.instant());
    }

    public PartnerStatistics month(String partnerId, YearMonth month) {
        Map<String, Map<String, Long>> intake = repository.intake(partnerId, month.atDay(1), month.atEndOfMonth());
        Map<String, Long> states = repository.deliveries(partnerId, DutchMonths.start(month), DutchMonths.end(month));
        Map<String, Long> deliveries = new TreeMap<>(Map.of("DELIVERED", states.getOrDefault("DELIVERED", 0L),
                "PENDING", states.getOrDefault("PENDING", 0L), "NOT_DELIVERABLE", states.getOrDefault("DEAD", 0L),
                "WITHDRAWN", states.getOrDefault("WITHDRAWN", 0L)));
        return new PartnerStatistics(month, intake.getOrDefault(IntakeTally.STATUS, Map.of()), intake.getOrDefault(IntakeTally.REASON, Map.of()),
                intake.getOrDefault(IntakeTally.WARNING, Map.of()), deliveries, repository.feedback(partnerId, month.atDay(1), month.atEndOfMonth()));
    }
}
