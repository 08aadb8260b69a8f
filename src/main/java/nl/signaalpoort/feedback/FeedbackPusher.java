package nl.signaalpoort.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.delivery.Backoff;
import nl.signaalpoort.delivery.DeliveryProperties;
import nl.signaalpoort.delivery.OutboxLedger;
import nl.signaalpoort.json.Mappers;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.security.tls.ClientTls;
import nl.signaalpoort.store.FeedbackItem;
import nl.signaalpoort.store.FeedbackPushRepository;
import nl.signaalpoort.store.FeedbackRepository;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes each partner's feedback, in order, to the partner's own endpoint where it configured one
 * (besides the pull API). At least once: the partner's cursor moves only after a 2xx, so after a
 * failure or a crash the same items come again; partners de-duplicate on {@code feedbackId}.
 * Per partner a circuit breaker and a retry schedule stored in the database.
 */
@Component(Routes.FEEDBACK_PUSHER)
public class FeedbackPusher {

    /** What a partner's endpoint receives: the same items as the pull API. */
    public record FeedbackPushPage(List<FeedbackItem> items) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackPusher.class);
    private static final int PAGE = 500;

    private final PartnerRegistry partners;
    private final FeedbackRepository feedback;
    private final FeedbackPushRepository pushes;
    private final ProducerTemplate camel;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final CircuitBreakerRegistry breakers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    public FeedbackPusher(PartnerRegistry partners, FeedbackRepository feedback, FeedbackPushRepository pushes, ProducerTemplate camel,
            DeliveryProperties properties, Clock clock, AuditTrail audit, TransactionTemplate transactions, MeterRegistry meters) {
        this.audit = audit;
        this.transactions = transactions;
        this.partners = partners;
        this.feedback = feedback;
        this.pushes = pushes;
        this.camel = camel;
        this.properties = properties;
        this.clock = clock;
        this.breakers = CircuitBreakerRegistry.of(properties.breaker().toConfig());
        // Each partner's push breaker beside the municipalities' (resilience4j_circuitbreaker_state{name="partner-<id>"}).
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        partners.all().stream().filter(p -> p.feedbackPush() != null).forEach(p -> breaker(p.id()));
    }

    /** One round: every partner with a push endpoint that is due gets its next page. Returns items pushed. */
    public int pushDue() {
        int pushed = 0;
        for (Partner partner : partners.all()) {
            if (partner.feedbackPush() != null) {
                pushed += push(partner);
            }
        }
        return pushed;
    }

    private int push(Partner partner) {
        Instant now = clock.instant();
        CircuitBreaker breaker = breaker(partner.id());
        FeedbackPushRepository.PushState state = pushes.state(partner.id(), now);
        if (state.nextAttemptAt().isAfter(now) || !breaker.tryAcquirePermission()) {
            return 0;
        }
        List<FeedbackItem> items = feedback.feedbackAfter(partner.id(), state.pushedUpTo(), PAGE);
        if (items.isEmpty()) {
            breaker.releasePermission();
            return 0;
        }
        long start = System.nanoTime();
        Exchange result = camel.send(Routes.PUSH_FEEDBACK_URI, exchange -> {
            exchange.setProperty(Routes.PUSH_ENDPOINT_PROPERTY, ClientTls.camelUri(partner.feedbackPush().endpoint()));
            exchange.getIn().setBody(body(items));
        });
        long took = System.nanoTime() - start;
        if (result.getException() != null) {
            breaker.onError(took, TimeUnit.NANOSECONDS, result.getException());
            String error = OutboxLedger.describe(result.getException());
            Instant next = now.plus(Backoff.after(state.attempts() + 1, properties.initialBackoff(), properties.maxBackoff()));
            pushes.failed(partner.id(), next, error);
            LOG.warn("feedback push failed partner={} items={} error={} nextAttempt={}", partner.id(), items.size(), error, next);
            return 0;
        }
        breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        long upTo = items.get(items.size() - 1).feedbackId();
        transactions.executeWithoutResult(tx -> {
            pushes.pushed(partner.id(), upTo, now);
            audit.record(AuditEntry.about(AuditEntry.Actor.GATEWAY, AuditAction.FEEDBACK_PUSHED, AuditEntry.SubjectType.PARTNER,
                    partner.id(), "after", state.pushedUpTo(), "upTo", upTo, "items", items.size()));
        });
        LOG.info("feedback pushed partner={} items={}", partner.id(), items.size());
        return items.size();
    }

    /** The breaker of a partner's push endpoint. */
    public CircuitBreaker breaker(String partnerId) {
        return breakers.circuitBreaker("partner-" + partnerId);
    }

    private byte[] body(List<FeedbackItem> items) {
        try {
            return Mappers.OUTBOUND.writeValueAsBytes(new FeedbackPushPage(items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write feedback page");
        }
    }
}
