package nl.signaalpoort.intake.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.intake.Channel;
import nl.signaalpoort.intake.IntakePipeline;
import nl.signaalpoort.intake.IntakeProperties;
import nl.signaalpoort.intake.Receipt;
import nl.signaalpoort.intake.ReceiptStatus;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.signal.Rejection;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST intake: {@code POST /api/v1/signals} with one signal or a batch, from a partner's client certificate. */
@RestController
public class SignalController {

    private final IntakePipeline pipeline;
    private final PartnerRegistry partners;
    private final Messages messages;
    private final SignalJsonReader reader;
    private final int maxRequestBytes;

    public SignalController(IntakePipeline pipeline, PartnerRegistry partners, Messages messages, IntakeProperties properties) {
        this.pipeline = pipeline;
        this.partners = partners;
        this.messages = messages;
        this.reader = new SignalJsonReader(properties.maxBatchSize());
        this.maxRequestBytes = Math.toIntExact(properties.maxRequestSize().toBytes());
    }

    @PostMapping(path = "/api/v1/signals", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public SubmissionResponse submit(@AuthenticationPrincipal OrganisationPrincipal caller, InputStream body) throws IOException {
        Partner partner = partners.byId(caller.organisationId()).orElseThrow(() -> new ApiProblemException(ProblemCode.FORBIDDEN));
        byte[] bytes = body.readNBytes(maxRequestBytes + 1);
        if (bytes.length > maxRequestBytes) {
            throw new ApiProblemException(ProblemCode.PAYLOAD_TOO_LARGE);
        }
        List<Receipt> receipts = pipeline.submit(partner, Channel.REST, reader.read(bytes));
        List<ReceiptView> views = receipts.stream().map(this::view).toList();
        int accepted = (int) receipts.stream().filter(r -> r.status() == ReceiptStatus.ACCEPTED).count();
        return new SubmissionResponse(accepted, receipts.size() - accepted, views);
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
