package nl.signaalpoort.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.routing.DeliveryTiming;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.store.OperationsRepository;
import nl.signaalpoort.store.OperationsRepository.OutboxState;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The gauges operators ask about, per municipality and per partner: backlog and the age of its
 * oldest entry, urgent entries waiting and the oldest one's age, dead letters, feedback waiting.
 * Cheap to scrape: a snapshot is refreshed by route ops-gauges (a few grouped, indexed queries
 * every {@code signaalpoort.ops.gauge-refresh}), and a scrape only reads it; ages are computed
 * at the scrape from the oldest timestamps. Labels are municipality codes and partner ids only.
 */
@Component(Routes.OPERATIONAL_GAUGES)
public class OperationalGauges {

    /** One municipality's outbox as last seen. */
    public record MunicipalityBacklog(long pending, Instant oldestPending, long urgent, Instant oldestUrgent, long dead) {

        static final MunicipalityBacklog EMPTY = new MunicipalityBacklog(0, null, 0, null, 0);
    }

    /** The actuator health group behind /actuator/health/readiness (application.yaml). */
    static final String READINESS_GROUP = "readiness";

    private final OperationsRepository repository;
    private final PartnerRegistry partners;
    private final Clock clock;
    private volatile Map<String, MunicipalityBacklog> backlog = Map.of();
    private volatile Map<String, Long> feedbackWaiting = Map.of();
    private volatile Instant refreshedAt;

    public OperationalGauges(OperationsRepository repository, MunicipalityRegistry municipalities, PartnerRegistry partners,
            MeterRegistry meters, Clock clock, OpsProperties properties, HealthEndpoint health) {
        this.repository = repository;
        this.partners = partners;
        this.clock = clock;
        for (Municipality m : municipalities.all()) {
            String code = m.code();
            gauge(meters, "signaalpoort.outbox.pending", "Signals waiting for delivery", code, () -> backlog(code).pending());
            gauge(meters, "signaalpoort.outbox.oldest.pending.age.seconds", "Age of the oldest signal waiting for delivery", code,
                    () -> age(backlog(code).oldestPending()));
            gauge(meters, "signaalpoort.outbox.urgent.pending", "Crisis and end-of-supply signals waiting for delivery", code,
                    () -> backlog(code).urgent());
            gauge(meters, "signaalpoort.outbox.urgent.oldest.age.seconds",
                    "Age of the oldest crisis or end-of-supply signal waiting for delivery", code, () -> age(backlog(code).oldestUrgent()));
            gauge(meters, "signaalpoort.outbox.dead", "Dead letters: deliveries that gave up", code, () -> backlog(code).dead());
            // The alert thresholds as settings, so the alert rules compare with them instead of hard-coding them.
            double backlogLimit = properties.backlogAgeAlert().plus(m.delivery().timing() == DeliveryTiming.DAILY ? Duration.ofDays(1)
                    : Duration.ZERO).toSeconds();
            gauge(meters, "signaalpoort.outbox.backlog.age.limit.seconds", "Age of the oldest waiting signal that is alerted on",
                    code, () -> backlogLimit);
        }
        for (Partner p : partners.all()) {
            String id = p.id();
            Gauge.builder("signaalpoort.feedback.waiting", () -> feedbackWaiting.getOrDefault(id, 0L))
                    .description("Feedback items the partner has not read, been pushed or found in a file yet")
                    .tag("partner", id).register(meters);
        }
        Gauge.builder("signaalpoort.ops.snapshot.age.seconds", () -> refreshedAt == null ? -1 : age(refreshedAt))
                .description("How old the snapshot behind the backlog gauges is").register(meters);
        double urgentLimit = properties.urgentAgeAlert().toSeconds();
        Gauge.builder("signaalpoort.outbox.urgent.age.limit.seconds", () -> urgentLimit)
                .description("How long an urgent signal may wait before operators are alerted").register(meters);
        // Readiness as a metric: Prometheus cannot ask the health endpoint itself.
        Gauge.builder("signaalpoort.ready", () -> Status.UP.equals(readiness(health)) ? 1 : 0)
                .description("1 while the readiness checks (database, Camel) are UP").register(meters);
    }

    private static Status readiness(HealthEndpoint health) {
        try {
            HealthComponent readiness = health.healthForPath(READINESS_GROUP);
            return readiness == null ? health.health().getStatus() : readiness.getStatus();
        } catch (RuntimeException e) {
            return Status.DOWN;
        }
    }

    private static void gauge(MeterRegistry meters, String name, String description, String code,
            java.util.function.Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tag("municipality", code).register(meters);
    }

    /** One refresh: the outbox in one grouped query, feedback positions and a count per partner with feedback. */
    public void refresh() {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Instant[]> oldest = new HashMap<>();
        for (OutboxState s : repository.outboxState()) {
            long[] c = counts.computeIfAbsent(s.municipalityCode(), k -> new long[3]);
            Instant[] o = oldest.computeIfAbsent(s.municipalityCode(), k -> new Instant[2]);
            if ("DEAD".equals(s.status())) {
                c[2] += s.count();
                continue;
            }
            c[0] += s.count();
            o[0] = earliest(o[0], s.oldestCreatedAt());
            if (s.urgent()) {
                c[1] += s.count();
                o[1] = earliest(o[1], s.oldestCreatedAt());
            }
        }
        Map<String, MunicipalityBacklog> fresh = new HashMap<>();
        counts.forEach((code, c) -> fresh.put(code, new MunicipalityBacklog(c[0], oldest.get(code)[0], c[1], oldest.get(code)[1], c[2])));
        Map<String, Long> positions = repository.feedbackPositions();
        Map<String, Long> waiting = new HashMap<>();
        for (Partner p : partners.all()) {
            waiting.put(p.id(), repository.feedbackAfter(p.id(), positions.getOrDefault(p.id(), 0L)));
        }
        backlog = Map.copyOf(fresh);
        feedbackWaiting = Map.copyOf(waiting);
        refreshedAt = clock.instant();
    }

    public MunicipalityBacklog backlog(String municipalityCode) {
        return backlog.getOrDefault(municipalityCode, MunicipalityBacklog.EMPTY);
    }

    public long feedbackWaiting(String partnerId) {
        return feedbackWaiting.getOrDefault(partnerId, 0L);
    }

    public Instant refreshedAt() {
        return refreshedAt;
    }

    private double age(Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
