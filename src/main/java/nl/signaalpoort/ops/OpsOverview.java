package nl.signaalpoort.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.cluster.ClusterNode;
import nl.signaalpoort.delivery.MunicipalResilience;
import nl.signaalpoort.feedback.FeedbackPusher;
import nl.signaalpoort.intake.IntakeTally;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.store.BatchFileRepository;
import nl.signaalpoort.store.BatchFileRepository.BatchFile;
import nl.signaalpoort.store.DeadLetter;
import nl.signaalpoort.store.IntakeTallyRepository;
import nl.signaalpoort.store.IntakeTallyRepository.Tally;
import nl.signaalpoort.store.DeadLetterRepository;
import org.springframework.stereotype.Component;

/**
 * Everything the /ops page shows, in one read: routes, municipalities' backlogs and breakers,
 * dead letters, batch files, today's intake per partner and channel and the rejections by reason
 * code. Gateway ids, codes and counts only, never personal data.
 */
@Component
public class OpsOverview {

    /** One municipality at a glance. */
    public record MunicipalityRow(String code, String name, String deliveryType, String route, String routeStatus, long pending,
            Duration oldestPending, long urgent, Duration oldestUrgent, String breaker, Instant lastDelivery, long dead) {
    }

    /** One partner at a glance. */
    public record PartnerRow(String id, String name, String sector, long feedbackWaiting, String pushBreaker) {
    }

    /** Today's intake of one partner on one channel. */
    public record IntakeRow(String partnerId, String channel, long accepted, long rejected, long duplicate) {
    }

    /** How often a reason code was given today, per partner. */
    public record ReasonRow(String partnerId, String reason, long count) {
    }

    /** A batch file, in progress or done. */
    public record FileRow(BatchFile file, double share, double rowsPerSecond) {
    }

    public record Overview(Instant generatedAt, Instant snapshotAt, String node, boolean leader, List<RouteControl.RouteView> routes,
            List<MunicipalityRow> municipalities, List<PartnerRow> partners, List<DeadLetter> deadLetters, List<FileRow> filesInProgress,
            List<FileRow> recentFiles, List<IntakeRow> intakeToday, List<ReasonRow> rejectionsToday) {
    }

    private static final int DEAD_LETTERS_SHOWN = 100;
    private static final int RECENT_FILES = 25;

    private final RouteControl routes;
    private final OperationalGauges gauges;
    private final MunicipalityRegistry municipalities;
    private final PartnerRegistry partners;
    private final MunicipalResilience resilience;
    private final FeedbackPusher pusher;
    private final DeadLetterRepository deadLetters;
    private final BatchFileRepository files;
    private final IntakeTallyRepository tally;
    private final RouteActivity activity;
    private final Clock clock;
    private final ClusterNode node;

    public OpsOverview(RouteControl routes, OperationalGauges gauges, MunicipalityRegistry municipalities, PartnerRegistry partners,
            MunicipalResilience resilience, FeedbackPusher pusher, DeadLetterRepository deadLetters, BatchFileRepository files,
            IntakeTallyRepository tally, RouteActivity activity, Clock clock, ClusterNode node) {
        this.node = node;
        this.routes = routes;
        this.gauges = gauges;
        this.municipalities = municipalities;
        this.partners = partners;
        this.resilience = resilience;
        this.pusher = pusher;
        this.deadLetters = deadLetters;
        this.files = files;
        this.tally = tally;
        this.activity = activity;
        this.clock = clock;
    }

    public Overview overview() {
        Instant now = clock.instant();
        List<MunicipalityRow> towns = municipalities.all().stream().sorted(Comparator.comparing(Municipality::code)).map(m -> {
            var backlog = gauges.backlog(m.code());
            String route = Routes.DELIVER_TO_PREFIX + m.code();
            return new MunicipalityRow(m.code(), m.name(), m.delivery().type().name(), route, routes.status(route).name(),
                    backlog.pending(), age(backlog.oldestPending(), now), backlog.urgent(), age(backlog.oldestUrgent(), now),
                    resilience.breaker(m.code()).getState().name(),
                    activity.of(route).flatMap(RouteActivity.Activity::lastSuccessAt).orElse(null), backlog.dead());
        }).toList();
        List<PartnerRow> partnerRows = partners.all().stream().sorted(Comparator.comparing(Partner::id))
                .map(p -> new PartnerRow(p.id(), p.name(), p.sector().name(), gauges.feedbackWaiting(p.id()),
                        p.feedbackPush() == null ? null : pusher.breaker(p.id()).getState().name()))
                .toList();
        return new Overview(now, gauges.refreshedAt(), node.id(), node.isLeader(), routes.routes(), towns, partnerRows, deadLetters.deadLetters(null, DEAD_LETTERS_SHOWN),
                files.inProgress().stream().map(f -> row(f, now)).toList(), files.recent(RECENT_FILES).stream().map(f -> row(f, now)).toList(),
                intake(today()), reasons(today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(IntakeTally.DUTCH));
    }

    private List<IntakeRow> intake(LocalDate day) {
        Map<String, long[]> byPartnerChannel = new TreeMap<>();
        for (Tally t : tally.between(day, day)) {
            if (!IntakeTally.STATUS.equals(t.kind())) {
                continue;
            }
            long[] c = byPartnerChannel.computeIfAbsent(t.partnerId() + "|" + t.channel(), k -> new long[3]);
            switch (t.code()) {
                case "ACCEPTED" -> c[0] += t.count();
                case "REJECTED" -> c[1] += t.count();
                default -> c[2] += t.count();
            }
        }
        List<IntakeRow> rows = new ArrayList<>();
        byPartnerChannel.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            rows.add(new IntakeRow(parts[0], parts[1], c[0], c[1], c[2]));
        });
        return rows;
    }

    private List<ReasonRow> reasons(LocalDate day) {
        Map<String, Long> byPartnerReason = new LinkedHashMap<>();
        for (Tally t : tally.between(day, day)) {
            if (IntakeTally.REASON.equals(t.kind())) {
                byPartnerReason.merge(t.partnerId() + "|" + t.code(), t.count(), Long::sum);
            }
        }
        return byPartnerReason.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\\|");
            return new ReasonRow(parts[0], parts[1], e.getValue());
        }).sorted(Comparator.comparing(ReasonRow::count).reversed()).toList();
    }

    private static FileRow row(BatchFile file, Instant now) {
        double share = file.rowsTotal() == 0 ? 1 : Math.min(1, (double) file.rowsDone() / file.rowsTotal());
        Instant end = file.finishedAt() == null ? now : file.finishedAt();
        double seconds = Math.max(0.001, Duration.between(file.startedAt(), end).toMillis() / 1000.0);
        return new FileRow(file, share, file.rowsDone() / seconds);
    }

    private static Duration age(Instant since, Instant now) {
        return since == null ? null : Duration.between(since, now);
    }
}
