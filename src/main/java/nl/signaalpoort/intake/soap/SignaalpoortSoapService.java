package nl.signaalpoort.intake.soap;

import java.util.List;
import java.util.UUID;
import javax.xml.datatype.XMLGregorianCalendar;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.BulkOutcomes;
import nl.signaalpoort.feedback.ContactDataNotices;
import nl.signaalpoort.feedback.FeedbackService;
import nl.signaalpoort.feedback.OutcomeReporter;
import nl.signaalpoort.intake.Channel;
import nl.signaalpoort.intake.IntakeProperties;
import nl.signaalpoort.intake.IntakePipeline;
import nl.signaalpoort.intake.ReceiptStatus;
import nl.signaalpoort.intake.SignalStatuses;
import nl.signaalpoort.intake.soap.contract.FetchContactDataNotices;
import nl.signaalpoort.intake.soap.contract.FetchContactDataNoticesResponse;
import nl.signaalpoort.intake.soap.contract.FetchFeedback;
import nl.signaalpoort.intake.soap.contract.FetchFeedbackResponse;
import nl.signaalpoort.intake.soap.contract.GetSignalStatusResponse;
import nl.signaalpoort.intake.soap.contract.OutcomeItemResult;
import nl.signaalpoort.intake.soap.contract.Reason;
import nl.signaalpoort.intake.soap.contract.Receipt;
import nl.signaalpoort.intake.soap.contract.ReportOutcome;
import nl.signaalpoort.intake.soap.contract.ReportOutcomeResponse;
import nl.signaalpoort.intake.soap.contract.ReportOutcomes;
import nl.signaalpoort.intake.soap.contract.ReportOutcomesResponse;
import nl.signaalpoort.intake.soap.contract.SignaalpoortPortType;
import nl.signaalpoort.intake.soap.contract.SignalChoice;
import nl.signaalpoort.intake.soap.contract.SubmitSignals;
import nl.signaalpoort.intake.soap.contract.SubmitSignalsResponse;
import nl.signaalpoort.intake.soap.contract.WithdrawSignal;
import nl.signaalpoort.intake.soap.contract.WithdrawSignalResponse;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.security.Role;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.withdrawal.WithdrawalReason;
import nl.signaalpoort.withdrawal.Withdrawals;
import org.springframework.stereotype.Component;

/**
 * The SOAP channel's operations, generated from contracts/wsdl/signaalpoort-v1.wsdl. Each one is a
 * thin translation to what the REST channel calls: the same pipeline, idempotency, feedback service
 * and checks; refusals are the same codes, turned into SOAP faults by {@link SoapFaultTranslator}.
 */
@Component
public class SignaalpoortSoapService implements SignaalpoortPortType {

    private static final int DEFAULT_LIMIT = 100;

    private final IntakePipeline pipeline;
    private final PartnerRegistry partners;
    private final FeedbackService feedback;
    private final BulkOutcomes outcomes;
    private final Messages messages;
    private final IntakeProperties intake;
    private final SignalStatuses statuses;
    private final Withdrawals withdrawals;
    private final ContactDataNotices contactDataNotices;

    public SignaalpoortSoapService(IntakePipeline pipeline, PartnerRegistry partners, FeedbackService feedback, BulkOutcomes outcomes,
            Messages messages, IntakeProperties intake, SignalStatuses statuses, Withdrawals withdrawals,
            ContactDataNotices contactDataNotices) {
        this.contactDataNotices = contactDataNotices;
        this.statuses = statuses;
        this.withdrawals = withdrawals;
        this.pipeline = pipeline;
        this.partners = partners;
        this.feedback = feedback;
        this.outcomes = outcomes;
        this.messages = messages;
        this.intake = intake;
    }

    @Override
    public SubmitSignalsResponse submitSignals(SubmitSignals request) {
        Partner partner = partners.byId(SoapCaller.require(Role.PARTNER).organisationId())
                .orElseThrow(() -> new ApiProblemException(ProblemCode.FORBIDDEN));
        List<nl.signaalpoort.intake.Receipt> receipts = pipeline.submit(partner, Channel.SOAP,
                request.getSignal().stream().map(SoapSignals::toSubmission).toList());
        SubmitSignalsResponse response = new SubmitSignalsResponse();
        int accepted = 0;
        for (nl.signaalpoort.intake.Receipt r : receipts) {
            Receipt receipt = new Receipt();
            receipt.setReference(r.reference());
            receipt.setSignalId(r.signalId() == null ? null : r.signalId().toString());
            receipt.setStatus(nl.signaalpoort.intake.soap.contract.ReceiptStatus.valueOf(r.status().name()));
            receipt.setDuplicate(r.duplicate());
            receipt.getReason().addAll(reasons(r.reasons()));
            receipt.getWarning().addAll(reasons(r.warnings()));
            response.getReceipt().add(receipt);
            accepted += r.status() == ReceiptStatus.ACCEPTED ? 1 : 0;
        }
        response.setAccepted(accepted);
        response.setRejected(receipts.size() - accepted);
        return response;
    }

    @Override
    public FetchFeedbackResponse fetchFeedback(FetchFeedback request) {
        String partnerId = SoapCaller.require(Role.PARTNER).organisationId();
        long after = request.getAfter() == null ? 0 : request.getAfter();
        int limit = request.getLimit() == null ? DEFAULT_LIMIT : request.getLimit();
        List<nl.signaalpoort.store.FeedbackItem> items = feedback.feedback(partnerId, after, limit);
        FetchFeedbackResponse response = new FetchFeedbackResponse();
        items.forEach(i -> response.getItem().add(SoapSignalStatuses.feedbackItem(i)));
        response.setCursor(items.isEmpty() ? after : items.get(items.size() - 1).feedbackId());
        return response;
    }

    @Override
    public GetSignalStatusResponse getSignalStatus(SignalChoice request) {
        String partnerId = SoapCaller.require(Role.PARTNER).organisationId();
        return SoapSignalStatuses.status(request.getSignalId() != null ? statuses.byId(partnerId, uuid(request.getSignalId()))
                : statuses.byReference(partnerId, request.getReference()));
    }

    @Override
    public WithdrawSignalResponse withdrawSignal(WithdrawSignal request) {
        Partner partner = partners.byId(SoapCaller.require(Role.PARTNER).organisationId())
                .orElseThrow(() -> new ApiProblemException(ProblemCode.FORBIDDEN));
        WithdrawalReason reason = WithdrawalReason.named(request.getReason());
        return SoapSignalStatuses.withdrawal(request.getSignalId() != null ? withdrawals.byId(partner, uuid(request.getSignalId()), reason)
                : withdrawals.byReference(partner, request.getReference(), reason));
    }

    @Override
    public FetchContactDataNoticesResponse fetchContactDataNotices(FetchContactDataNotices request) {
        String partnerId = SoapCaller.require(Role.PARTNER).organisationId();
        long after = request.getAfter() == null ? 0 : request.getAfter();
        ContactDataNotices.Page page = contactDataNotices.read(partnerId, after, request.getLimit() == null ? DEFAULT_LIMIT : request.getLimit());
        FetchContactDataNoticesResponse response = new FetchContactDataNoticesResponse();
        page.items().forEach(n -> response.getNotice().add(SoapSignalStatuses.contactDataNotice(n)));
        response.setCursor(page.cursor());
        return response;
    }

    @Override
    public ReportOutcomeResponse reportOutcome(ReportOutcome request) {
        BulkOutcomes.Result result = outcomes.report(reporter(), List.of(item(request.getSignalId(), request.getOutcome(),
                request.isFinalOutcome(), request.getDate()))).get(0);
        if (!result.isRecorded()) {
            throw new ApiProblemException(result.refused());
        }
        ReportOutcomeResponse response = new ReportOutcomeResponse();
        response.setSignalId(result.signalId().toString());
        response.setOutcome(result.report().outcome().name());
        response.setFinalOutcome(result.report().finalOutcome());
        response.setPartnerFeedbackCode(result.reported().partnerCode().name());
        response.setCollectionPausedUntil(SoapDates.date(result.reported().collectionPausedUntil()));
        response.setRepeated(result.reported().repeated());
        return response;
    }

    @Override
    public ReportOutcomesResponse reportOutcomes(ReportOutcomes request) {
        OutcomeReporter reporter = reporter();
        if (request.getItem().isEmpty()) {
            throw new ApiProblemException(ProblemCode.EMPTY_BATCH);
        }
        if (request.getItem().size() > intake.maxBatchSize()) {
            throw new ApiProblemException(ProblemCode.BATCH_TOO_LARGE);
        }
        List<BulkOutcomes.Result> results = outcomes.report(reporter, request.getItem().stream()
                .map(i -> item(i.getSignalId(), i.getOutcome(), i.isFinalOutcome(), i.getDate())).toList());
        ReportOutcomesResponse response = new ReportOutcomesResponse();
        for (BulkOutcomes.Result r : results) {
            OutcomeItemResult item = new OutcomeItemResult();
            item.setSignalId(r.signalId() == null ? null : r.signalId().toString());
            if (r.isRecorded()) {
                item.setStatus("RECORDED");
                item.setOutcome(r.report().outcome().name());
                item.setFinalOutcome(r.report().finalOutcome());
                item.setPartnerFeedbackCode(r.reported().partnerCode().name());
                item.setCollectionPausedUntil(SoapDates.date(r.reported().collectionPausedUntil()));
                item.setRepeated(r.reported().repeated());
            } else {
                item.setStatus("REFUSED");
                item.setCode(r.refused().name());
                item.setMessage(messages.problem(r.refused()));
            }
            response.getResult().add(item);
        }
        int recorded = (int) results.stream().filter(BulkOutcomes.Result::isRecorded).count();
        response.setRecorded(recorded);
        response.setRefused(results.size() - recorded);
        return response;
    }

    private static OutcomeReporter reporter() {
        OrganisationPrincipal caller = SoapCaller.require(Role.MUNICIPALITY);
        return new OutcomeReporter(caller.oin(), caller.municipalities());
    }

    private static BulkOutcomes.Item item(String signalId, String outcome, Boolean finalOutcome, XMLGregorianCalendar date) {
        try {
            return BulkOutcomes.Item.of(uuid(signalId), outcome, finalOutcome, SoapDates.local(date));
        } catch (ApiProblemException unreadable) {
            return BulkOutcomes.Item.unreadable(unreadable.code());
        }
    }

    private List<Reason> reasons(List<Rejection> rejections) {
        return rejections.stream().map(r -> {
            Reason reason = new Reason();
            reason.setCode(r.code().name());
            reason.setField(r.field());
            reason.setMessage(messages.reason(r.code(), r.field()));
            return reason;
        }).toList();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
    }

}
