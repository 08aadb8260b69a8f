package nl.signaalpoort.intake.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.intake.Channel;
import nl.signaalpoort.intake.IntakeMode;
import nl.signaalpoort.intake.IntakePipeline;
import nl.signaalpoort.intake.IntakeProperties;
import nl.signaalpoort.intake.Receipt;
import nl.signaalpoort.intake.ReceiptStatus;
import nl.signaalpoort.json.Mappers;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.security.RequestIdentity;
import nl.signaalpoort.signal.Rejection;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * REST intake, {@code POST /api/v1/signals}, as the one step of route intake-rest: one signal or a
 * batch from a partner's client certificate, through the same pipeline as every channel, answered
 * with a receipt per signal. The route runs on a Camel thread, so the caller and its language
 * come from the request, not the thread; refusals are answered by {@link RestProblems}.
 */
@Component(Routes.REST_INTAKE)
public class RestIntake {

    /** The query parameters this operation has. */
    static final String DRY_RUN = "dryRun";
    private static final Set<String> PARAMETERS = Set.of(DRY_RUN);

    private final IntakePipeline pipeline;
    private final PartnerRegistry partners;
    private final Messages messages;
    private final LocaleResolver locales;
    private final SignalJsonReader reader;

    private final PartnerPayloadSignatures signatures;

    public RestIntake(IntakePipeline pipeline, PartnerRegistry partners, Messages messages, LocaleResolver locales,
            IntakeProperties properties, PartnerPayloadSignatures signatures) {
        this.signatures = signatures;
        this.pipeline = pipeline;
        this.partners = partners;
        this.messages = messages;
        this.locales = locales;
        this.reader = new SignalJsonReader(properties.maxBatchSize());
    }

    public void submit(Exchange exchange) throws Exception {
        HttpServletRequest request = request(exchange);
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            OrganisationPrincipal caller = RequestIdentity.of(request)
                    .orElseThrow(() -> new ApiProblemException(ProblemCode.CLIENT_CERTIFICATE_REQUIRED));
            Partner partner = partners.byId(caller.organisationId()).orElseThrow(() -> new ApiProblemException(ProblemCode.FORBIDDEN));
            if (!PARAMETERS.containsAll(request.getParameterMap().keySet())) {
                throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
            }
            IntakeMode mode = mode(request.getParameterValues(DRY_RUN));
            byte[] body = exchange.getIn().getBody(byte[].class);
            byte[] bytes = body == null ? new byte[0] : body;
            signatures.check(partner, request, bytes);
            List<Receipt> receipts = pipeline.submit(partner, Channel.REST, reader.read(bytes), mode);
            int accepted = (int) receipts.stream().filter(r -> r.status() == ReceiptStatus.ACCEPTED).count();
            answer(exchange.getMessage(), 200, MediaType.APPLICATION_JSON_VALUE,
                    Mappers.WEB.writeValueAsBytes(new SubmissionResponse(accepted, receipts.size() - accepted,
                            receipts.stream().map(this::view).toList(), mode == IntakeMode.DRY_RUN ? Boolean.TRUE : null)));
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    /** {@code dryRun=true}: judged, nothing kept; {@code false} or absent: submitted; anything else, or twice, is refused. */
    private static IntakeMode mode(String[] values) {
        if (values == null) {
            return IntakeMode.SUBMIT;
        }
        if (values.length != 1 || !(values[0].equals("true") || values[0].equals("false"))) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
        return values[0].equals("true") ? IntakeMode.DRY_RUN : IntakeMode.SUBMIT;
    }

    static HttpServletRequest request(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
    }

    /** Only what this answer says leaves: platform-http would echo every other header, query parameters included. */
    static void answer(Message message, int status, String contentType, byte[] body) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setBody(body);
    }

    private ReceiptView view(Receipt receipt) {
        return new ReceiptView(receipt.reference(), receipt.signalId(), receipt.status(), receipt.duplicate(),
                views(receipt.reasons()), views(receipt.warnings()));
    }

    private List<ReceiptView.ReasonView> views(List<Rejection> reasons) {
        return reasons.stream()
                .map(r -> new ReceiptView.ReasonView(r.code().name(), r.field(), messages.reason(r.code(), r.field())))
                .toList();
    }
}
