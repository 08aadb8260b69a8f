package nl.signaalpoort.intake.soap;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.FeedbackService;
import nl.signaalpoort.feedback.OutcomeReport;
import nl.signaalpoort.feedback.OutcomeReports;
import nl.signaalpoort.intake.Channel;
import nl.signaalpoort.intake.IntakePipeline;
import nl.signaalpoort.intake.ReceiptStatus;
import nl.signaalpoort.intake.soap.contract.FeedbackItem;
import nl.signaalpoort.intake.soap.contract.FetchFeedback;
import nl.signaalpoort.intake.soap.contract.FetchFeedbackResponse;
import nl.signaalpoort.intake.soap.contract.Reason;
import nl.signaalpoort.intake.soap.contract.Receipt;
import nl.signaalpoort.intake.soap.contract.ReportOutcome;
import nl.signaalpoort.intake.soap.contract.ReportOutcomeResponse;
import nl.signaalpoort.intake.soap.contract.SignaalpoortPortType;
import nl.signaalpoort.intake.soap.contract.SubmitSignals;
import nl.signaalpoort.intake.soap.contract.SubmitSignalsResponse;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.security.Role;
import nl.signaalpoort.signal.Rejection;
import org.springframework.stereotype.Component;

/**
 * The SOAP channel's operations, generated from contracts/wsdl/signaalpoort-v1.wsdl. Each one is a
 * thin translation to what the REST channel calls: the same pipeline, idempotency, feedback service
 * and checks; refusals are the same codes, turned into SOAP faults by {@link SoapFaultTranslator}.
 */
@Component
public class SignaalpoortSoapService implements SignaalpoortPortType {

    private static final int DEFAULT_LIMIT = 100;
    private static final DatatypeFactory DATES = DatatypeFactory.newDefaultInstance();

    private final IntakePipeline pipeline;
    private final PartnerRegistry partners;
    private final FeedbackService feedback;
    private final Messages messages;
    private final Clock clock;

    public SignaalpoortSoapService(IntakePipeline pipeline, PartnerRegistry partners, FeedbackService feedback, Messages messages,
            Clock clock) {
        this.pipeline = pipeline;
        this.partners = partners;
        this.feedback = feedback;
        this.messages = messages;
        this.clock = clock;
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
        for (nl.signaalpoort.store.FeedbackItem i : items) {
            FeedbackItem item = new FeedbackItem();
            item.setFeedbackId(i.feedbackId());
            item.setSignalId(i.signalId().toString());
            item.setReference(i.reference());
            item.setCode(i.code());
            item.setFinalOutcome(i.finalOutcome());
            item.setDate(xml(i.date()));
            item.setCollectionPausedUntil(xml(i.collectionPausedUntil()));
            item.setSupersedesFeedbackId(i.supersedesFeedbackId());
            response.getItem().add(item);
        }
        response.setCursor(items.isEmpty() ? after : items.get(items.size() - 1).feedbackId());
        return response;
    }

    @Override
    public ReportOutcomeResponse reportOutcome(ReportOutcome request) {
        String municipality = SoapCaller.require(Role.MUNICIPALITY).organisationId();
        OutcomeReport report = OutcomeReports.of(uuid(request.getSignalId()), request.getOutcome(), request.isFinalOutcome(),
                local(request.getDate()), clock);
        FeedbackService.Reported reported = feedback.report(municipality, report);
        ReportOutcomeResponse response = new ReportOutcomeResponse();
        response.setSignalId(report.signalId().toString());
        response.setOutcome(report.outcome().name());
        response.setFinalOutcome(report.finalOutcome());
        response.setPartnerFeedbackCode(reported.partnerCode().name());
        response.setCollectionPausedUntil(xml(reported.collectionPausedUntil()));
        response.setRepeated(reported.repeated());
        return response;
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

    private static XMLGregorianCalendar xml(LocalDate date) {
        return date == null ? null : DATES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    private static LocalDate local(XMLGregorianCalendar date) {
        return date == null ? null : LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
        }
    }

}
